/**
 * What `kubectl get` prints for the simulated cluster: resource names and aliases, namespace
 * filtering, tables (./printers) and `-o json|yaml` Lists (./objects). A pure function of the
 * cluster, shared by `svclab get` and the scenario harness's `get` snapshots, so that both print
 * exactly the same text.
 */
import { stringify } from 'yaml';
import { kindForResource, resourceWords, type KindInfo } from '../model/kinds';
import { didYouMean } from '../util/did-you-mean';
import { dict, own } from '../model/guards';
import { UnknownFormatError, type Formatter } from '../report/formatter';
import { endpointSliceObject, endpointsObject, nodeObject, plain, podObject, serviceObject, type KubeObject } from './objects';
import { endpointSliceRow, endpointsRow, HEADERS, nodeRow, podRow, renderTable, serviceRow } from './printers';
import type { ClusterState } from '../sim/types';
import { formatLabels, type Selector } from '../model/selectors';
import { namespaceObject, namespaceRow, namespacesOf, networkPolicyObject, networkPolicyRow } from './policy-views';
import { listEdge } from '../edge/views';

export type Resource = keyof typeof HEADERS;

/** The catalogue's entry of each resource svclab get shows. */
const KIND_OF = Object.fromEntries((Object.keys(HEADERS) as Resource[]).map((r) => [r, kindForResource(r)!])) as Record<Resource, KindInfo>;

/** kubectl's words for each resource (`pods`, `pod`, `po`, `endpointslices.discovery.k8s.io`). */
const ALIASES: Record<string, Resource> = dict((Object.keys(KIND_OF) as Resource[]).flatMap((r) => resourceWords(KIND_OF[r]).map((w) => [w, r])));

/** kubectl's fully qualified resource name (`endpointslices.discovery.k8s.io`), as its NotFound errors spell it. */
const qualifiedName = (k: KindInfo) => (k.group ? `${k.resource}.${k.group}` : k.resource);

/** A resource word `svclab get` does not know. */
export class UnknownResourceError extends Error {}

/** kubectl's resource words (and aliases) to the resources svclab shows. */
export function resolveResource(word: string): Resource {
  const r = own(ALIASES, word.toLowerCase());
  if (r) return r;
  const guess = didYouMean(word, Object.keys(ALIASES));
  throw new UnknownResourceError(`the server doesn't have a resource type "${word}"${guess ? ` (did you mean ${guess}?)` : ''}; svclab get knows pods, services, endpoints, endpointslices, nodes, networkpolicies, namespaces, ingresses, ingressclasses, gatewayclasses, gateways, httproutes and grpcroutes`);
}

interface Listed {
  namespace: string;
  name: string;
  row: string[];
  object: () => KubeObject;
}

function listResource(cluster: ClusterState, resource: Resource, wide: boolean): Listed[] {
  switch (resource) {
    case 'pods':
      return cluster.pods.map((p) => ({ namespace: p.namespace, name: p.name, row: podRow(p, wide), object: () => podObject(p, cluster.seed) }));
    case 'services':
      return cluster.services.map((s) => ({ namespace: s.namespace, name: s.name, row: serviceRow(s, wide), object: () => serviceObject(s, cluster.seed) }));
    case 'endpoints':
      return cluster.endpoints.map((e) => ({ namespace: e.namespace, name: e.name, row: endpointsRow(e), object: () => endpointsObject(e, cluster) }));
    case 'endpointslices':
      return cluster.endpointSlices.map((s) => ({ namespace: s.namespace, name: s.name, row: endpointSliceRow(s), object: () => endpointSliceObject(s, cluster) }));
    case 'nodes':
      return cluster.nodes.map((n) => ({ namespace: '', name: n.name, row: nodeRow(n, cluster, wide), object: () => nodeObject(n, cluster) }));
    case 'networkpolicies':
      return cluster.model.networkPolicies.map((np) => ({ namespace: np.metadata.namespace, name: np.metadata.name, row: networkPolicyRow(np), object: () => networkPolicyObject(np, cluster.seed) }));
    case 'namespaces':
      return namespacesOf(cluster).map((ns) => ({ namespace: '', name: ns.name, row: namespaceRow(ns), object: () => namespaceObject(ns, cluster.seed) }));
    default:
      return listEdge(cluster, resource, wide);
  }
}

/** `kubectl get a,b` prefixes names with the kind, as `service/kubernetes` or `endpointslice.discovery.k8s.io/web-x`. */
const prefixOf = (r: Resource) => `${KIND_OF[r].kind.toLowerCase()}${KIND_OF[r].group ? `.${KIND_OF[r].group}` : ''}/`;

/** `-o` of `kubectl get`: `wide` adds columns to the table; `json` and `yaml` print the objects as one `List`. */
export const GET_OUTPUTS = ['wide', 'json', 'yaml'] as const;
export type GetOutputFormat = (typeof GET_OUTPUTS)[number];

/** The printers of `-o json|yaml`: kubectl indents JSON by 4 and YAML sequences not at all. */
const LIST_PRINTERS: Readonly<Record<'json' | 'yaml', Formatter<KubeObject, object>>> = {
  json: (list) => `${JSON.stringify(list, null, 4)}\n`,
  yaml: (list) => stringify(list, { indentSeq: false }),
};

/** The `-o` value as a format (undefined: the plain table); any other value throws UnknownFormatError. */
export function getOutputFormat(output: string | undefined): GetOutputFormat | undefined {
  if (output === undefined) return undefined;
  if (!(GET_OUTPUTS as readonly string[]).includes(output)) throw new UnknownFormatError(output, GET_OUTPUTS);
  return output as GetOutputFormat;
}

export interface GetOptions {
  namespace: string;
  allNamespaces: boolean;
  /** `wide`, `json`, `yaml`, or undefined for the plain table; anything else throws UnknownFormatError. */
  output?: string;
  /** Object names to show (kubectl get RESOURCE NAME...). */
  names?: string[];
  /** \`-l\`: a label selector (labels.Parse syntax); objects whose labels it does not match are left out. */
  selector?: Selector;
  /** `--show-labels`: a last LABELS column with each object's labels. */
  showLabels?: boolean;
}

export interface GetOutput {
  stdout: string;
  stderr: string;
  /** A NAME asked for does not exist (kubectl exits 1). */
  notFound: boolean;
}

/** The text `kubectl get` prints for these arguments (stdout) and its notices (stderr). */
export function renderGet(cluster: ClusterState, resources: Resource | Resource[], options: GetOptions): GetOutput {
  const list = Array.isArray(resources) ? resources : [resources];
  const output = getOutputFormat(options.output);
  const wide = output === 'wide';
  const names = options.names ?? [];
  let stderr = '';
  const sections = list.map((resource) => {
    const clusterScoped = !KIND_OF[resource].namespaced;
    let items = listResource(cluster, resource, wide);
    if (!clusterScoped && !options.allNamespaces) items = items.filter((i) => i.namespace === options.namespace);
    if (options.selector) {
      const selector = options.selector;
      items = items.filter((i) => selector.matches(labelsOf(i.object())));
    }
    if (names.length) {
      items = items.filter((i) => names.includes(i.name));
      const found = new Set(items.map((i) => i.name));
      for (const n of names) if (!found.has(n)) stderr += `Error from server (NotFound): ${qualifiedName(KIND_OF[resource])} "${n}" not found\n`;
    }
    // The API server lists in key order: namespace, then name.
    items.sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
    return { resource, items, withNamespace: options.allNamespaces && !clusterScoped };
  });
  const notFound = stderr !== '';

  if (output === 'json' || output === 'yaml') {
    const items = sections.flatMap((x) => x.items.map((i) => plain(i.object())));
    // kubectl prints one object named by one NAME as that object, not as a List (printObjects in get.go: singleItemImplied).
    const single = list.length === 1 && names.length === 1 && items.length === 1;
    const doc = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
    return { stdout: LIST_PRINTERS[output](doc, {}), stderr, notFound };
  }
  const tables = sections.filter((x) => x.items.length).map((x) => table(x.items, x.resource, wide, x.withNamespace, list.length > 1 ? prefixOf(x.resource) : '', options.showLabels === true));
  if (tables.length === 0 && !notFound) {
    const where = list.every((r) => !KIND_OF[r].namespaced) || options.allNamespaces ? '' : ` in ${options.namespace} namespace`;
    stderr += `No resources found${where}.\n`;
  }
  return { stdout: tables.join('\n'), stderr, notFound };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The labels of an API object. */
function labelsOf(object: KubeObject): Record<string, string> {
  const metadata = (object as { metadata?: { labels?: Record<string, string> } }).metadata;
  return metadata?.labels ?? {};
}

function table(items: Listed[], resource: Resource, wide: boolean, withNamespace: boolean, prefix: string, showLabels: boolean): string {
  const h = HEADERS[resource];
  const headers: string[] = [...h.normal, ...(wide ? h.wide : []), ...(showLabels ? ['LABELS'] : [])];
  const rows = items.map((i) => [...(prefix ? [prefix + i.row[0], ...i.row.slice(1)] : i.row), ...(showLabels ? [formatLabels(labelsOf(i.object()))] : [])]);
  return renderTable(withNamespace ? { headers: ['NAMESPACE', ...headers], rows: rows.map((r, k) => [items[k].namespace, ...r]) } : { headers, rows });
}
