import { formatSarif, FINGERPRINT_KEY, SARIF_VERSION } from '../../src/report/sarif';
import { RULES } from '../../src/rules/index';
import { ruleDocUrl } from '../../src/docs';
import { finding, input } from './fixtures';

type Json = Record<string, unknown>;
const CWD = '/work/project';

function sarif(findings = [finding()]): Json {
  return JSON.parse(formatSarif(input(findings), { cwd: CWD, rules: RULES, version: '1.2.3' })) as Json;
}

const isInt = (v: unknown, min = 1) => Number.isInteger(v) && (v as number) >= min;

/**
 * The structural requirements of SARIF 2.1.0 (sarif-schema-2.1.0.json) and of GitHub code
 * scanning ("SARIF support for code scanning": required properties) that a consumer relies on,
 * checked by hand because the tests must not download the schema.
 */
function validateSarif(log: Json): string[] {
  const errors: string[] = [];
  const need = (cond: boolean, what: string) => void (cond || errors.push(what));
  need(log.version === '2.1.0', 'version is 2.1.0');
  need(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema as string), '$schema names 2.1.0');
  const runs = log.runs as Json[];
  need(Array.isArray(runs) && runs.length === 1, 'exactly one run');
  const run = runs[0];
  const driver = (run.tool as Json).driver as Json;
  need(typeof driver.name === 'string' && driver.name !== '', 'tool.driver.name');
  need(typeof driver.version === 'string', 'tool.driver.version');
  need(/^https:\/\//.test(String(driver.informationUri)), 'tool.driver.informationUri is an absolute URI');
  const rules = driver.rules as Json[];
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    need(typeof r.id === 'string' && !ids.has(r.id as string), `rules[${i}].id unique`);
    ids.add(r.id as string);
    need(typeof (r.shortDescription as Json)?.text === 'string', `rules[${i}].shortDescription.text`);
    need(typeof (r.fullDescription as Json)?.text === 'string', `rules[${i}].fullDescription.text`);
    need(/^https:\/\//.test(String(r.helpUri)), `rules[${i}].helpUri`);
    need(['error', 'warning', 'note', 'none'].includes(String((r.defaultConfiguration as Json)?.level)), `rules[${i}].defaultConfiguration.level`);
  });
  (run.results as Json[]).forEach((res, i) => {
    need(ids.has(res.ruleId as string), `results[${i}].ruleId is a known rule`);
    need(isInt(res.ruleIndex, 0) && rules[res.ruleIndex as number]?.id === res.ruleId, `results[${i}].ruleIndex points at its rule`);
    need(['error', 'warning', 'note', 'none'].includes(String(res.level)), `results[${i}].level`);
    need(typeof (res.message as Json)?.text === 'string' && ((res.message as Json).text as string).length > 0, `results[${i}].message.text`);
    const locs = res.locations as Json[];
    need(Array.isArray(locs) && locs.length === 1, `results[${i}] has one location`);
    for (const loc of [...locs, ...((res.relatedLocations as Json[]) ?? [])]) {
      const phys = loc.physicalLocation as Json;
      const art = phys.artifactLocation as Json;
      need(typeof art.uri === 'string' && !/[\s\\]/.test(art.uri as string), `results[${i}] uri has no spaces or backslashes`);
      if (art.uriBaseId !== undefined) need(!String(art.uri).startsWith('/'), `results[${i}] uri is relative to its base`);
      const reg = phys.region as Json;
      need(isInt(reg.startLine) && isInt(reg.startColumn), `results[${i}] region start`);
      if (reg.endLine !== undefined) need(isInt(reg.endLine) && (reg.endLine as number) >= (reg.startLine as number), `results[${i}] endLine`);
      if (reg.endColumn !== undefined) need(isInt(reg.endColumn) && (reg.endLine !== reg.startLine || (reg.endColumn as number) >= (reg.startColumn as number)), `results[${i}] endColumn`);
    }
    const fp = res.partialFingerprints as Json;
    need(typeof fp === 'object' && Object.values(fp).every((v) => typeof v === 'string'), `results[${i}].partialFingerprints`);
  });
  return errors;
}

describe('formatSarif', () => {
  test('is structurally valid SARIF 2.1.0', () => {
    const log = sarif([
      finding(),
      finding({ ruleId: 'yaml-syntax', object: null, path: '', file: 'dir with space/a#b.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 }),
      finding({ severity: 'info', related: [{ file: 'k8s/deploy.yaml', line: 3, column: 7, message: 'pods of Deployment/default/api' }] }),
    ]);
    expect(validateSarif(log)).toEqual([]);
    expect(log.version).toBe(SARIF_VERSION);
  });

  test('lists every registered rule with its doc URL and default level', () => {
    const driver = ((sarif().runs as Json[])[0].tool as Json).driver as Json;
    const rules = driver.rules as Json[];
    expect(driver.name).toBe('svclab');
    expect(driver.version).toBe('1.2.3');
    expect(rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    const one = rules.find((r) => r.id === 'service-selector-no-match')!;
    expect(one.helpUri).toBe(ruleDocUrl('service-selector-no-match'));
    expect(one.defaultConfiguration).toEqual({ level: 'error' });
  });

  test('result: level, message with hint, relative URI under %SRCROOT%, region, related locations', () => {
    const res = ((sarif([finding({ severity: 'info', related: [{ file: 'k8s/d.yaml', line: 3, column: 7, message: 'the pods' }] })]).runs as Json[])[0].results as Json[])[0];
    expect(res.level).toBe('note');
    expect((res.message as Json).text).toBe('selector app=web-server matches no pod in namespace default\nHow to fix: Copy the labels from the workload.');
    const phys = (res.locations as Json[])[0].physicalLocation as Json;
    expect(phys.artifactLocation).toEqual({ uri: 'k8s/web.yaml', uriBaseId: '%SRCROOT%' });
    expect(phys.region).toEqual({ startLine: 27, startColumn: 5, endLine: 27, endColumn: 20 });
    expect(res.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'k8s/d.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } }, message: { text: 'the pods' } },
    ]);
  });

  test('%SRCROOT% is the working directory as a file URI; odd characters in paths are percent-encoded', () => {
    const run = (sarif([finding({ file: 'dir with space/a#b.yaml' })]).runs as Json[])[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    const art = (((run.results as Json[])[0].locations as Json[])[0].physicalLocation as Json).artifactLocation as Json;
    expect(art.uri).toBe('dir%20with%20space/a%23b.yaml');
  });

  test('a file outside the working folder gets an absolute file URI and no base', () => {
    const res = ((sarif([finding({ file: '/elsewhere/my app.yaml' })]).runs as Json[])[0].results as Json[])[0];
    const art = ((res.locations as Json[])[0].physicalLocation as Json).artifactLocation;
    expect(art).toEqual({ uri: 'file:///elsewhere/my%20app.yaml' });
  });

  test('fingerprints do not depend on the line, but do on rule, object, path and message', () => {
    const fp = (f: ReturnType<typeof finding>) => (((sarif([f]).runs as Json[])[0].results as Json[])[0].partialFingerprints as Json)[FINGERPRINT_KEY];
    const base = fp(finding());
    expect(base).toMatch(/^[0-9a-f]{32}:1$/);
    expect(fp(finding({ line: 40, endLine: 40, column: 9 }))).toBe(base);
    expect(fp(finding({ path: 'spec.ports[0]' }))).not.toBe(base);
    expect(fp(finding({ message: 'other' }))).not.toBe(base);
    expect(fp(finding({ ruleId: 'duplicate-key' }))).not.toBe(base);
  });

  test('identical findings in one run get distinct fingerprints', () => {
    const results = (sarif([finding(), finding({ line: 50, endLine: 50 })]).runs as Json[])[0].results as Json[];
    const fps = results.map((r) => (r.partialFingerprints as Json)[FINGERPRINT_KEY]);
    expect(new Set(fps).size).toBe(2);
  });

  test('the same input gives byte-identical output', () => {
    expect(JSON.stringify(sarif())).toBe(JSON.stringify(sarif()));
  });
});
