// Dev-time: lists every (apiVersion, kind) that Kubernetes 1.30 serves, from the
// kubernetes-types package, into src/model/served-kinds.json (committed). The `unserved-api`
// rule reads it: within Kubernetes' own API groups, anything else is rejected by the API server.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..', 'node_modules', 'kubernetes-types');
const version = require(path.join(root, 'package.json')).version;
const out = {};
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.d.ts')) {
      const text = fs.readFileSync(p, 'utf8');
      const re = /apiVersion\?: "([^"]+)";[\s\S]*?kind\?: "([^"]+)";/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (!m[2].endsWith('List')) (out[m[1]] ??= new Set()).add(m[2]);
      }
    }
  }
};
walk(root);
// The aggregation layer's APIService is served by every API server but is not in kubernetes-types.
(out['apiregistration.k8s.io/v1'] ??= new Set()).add('APIService');
const json = { source: `kubernetes-types ${version}`, served: Object.fromEntries(Object.keys(out).sort().map((k) => [k, [...out[k]].sort()])) };
fs.writeFileSync(path.join(__dirname, '..', 'src', 'model', 'served-kinds.json'), JSON.stringify(json, null, 1) + '\n');
console.log(Object.keys(json.served).length, 'apiVersions');
