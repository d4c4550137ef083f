/**
 * The route engine's sentences, in English: the one place where a statement (./facts) becomes
 * text. A second language is a second catalogue of this type.
 */
import type { DeliveredVia, EdgeControllerFacts, ListenBasis, MessageId, NamedService, NoEndpointsCause, PolicyNote, PortFacts, ResolverFacts, SourceFacts, Statement, TopologyNote } from './facts';

export type Catalogue = { [K in MessageId]: (s: Statement<K>) => string };

const portLabel = (p: PortFacts) => `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
const portList = (ports: PortFacts[]) => [...new Set(ports.map(portLabel))].join(', ');
const names = (tried: string[]) => tried.join(', ');

function sourceLabel(s: SourceFacts): string {
  if (s.kind === 'external') return 'a client outside the cluster';
  if (s.kind === 'node') return `node ${s.node}`;
  return s.adHoc ? `debug pod ${s.pod}` : `pod ${s.pod}`;
}

function resolver(r: ResolverFacts): string {
  if (r.server === 'cluster') return `CoreDNS (${r.nameserver})`;
  if (r.server === 'node') return `the resolver outside the cluster (${r.nameserver})`;
  return 'no nameserver';
}

function servicesNote(services: NamedService[]): string {
  if (!services.length) return '';
  return ` (Service ${services.map((s) => s.service).join(', ')} has ClusterIP ${services.map((s) => s.clusterIP).join(', ')})`;
}

function noEndpointsWhy(why: NoEndpointsCause): string {
  switch (why.cause) {
    case 'not-ready':
      return `its ${why.count} endpoint${why.count > 1 ? 's are' : ' is'} not ready (and not terminating-but-serving)`;
    case 'no-selector':
      return 'it has no selector and no Endpoints/EndpointSlices were given for it';
    case 'skip-mirror':
      return `it has no selector, and its hand-written Endpoints are labelled ${why.label}: "true", so no EndpointSlice mirrors them (kube-proxy reads only EndpointSlices)`;
    case 'named-port':
      return `no running, matching pod declares a container port named "${why.targetPort}" (the targetPort)`;
    case 'no-match':
      return `its selector ${Object.entries(why.selector).map(([k, v]) => `${k}=${v}`).join(',') || '(empty)'} matches no running pod in namespace ${why.namespace}`;
  }
}

const POLICY_NOTES: Record<Exclude<PolicyNote, null>, string> = {
  'internal-local': ' (internalTrafficPolicy: Local: endpoints on this node only)',
  'external-local': ' (externalTrafficPolicy: Local: endpoints on this node only, client IP kept)',
  'external-short-circuit': ' (traffic from inside the cluster uses the Cluster policy even with externalTrafficPolicy: Local)',
};

function topologyNote(t: Exclude<TopologyNote, null>, node: string | undefined): string {
  switch (t.mode) {
    case 'PreferSameZone':
      return `; topology hints keep the traffic in zone ${t.zone} (only the endpoints hinted for ${t.zone})`;
    case 'PreferSameNode':
      return `; topology hints keep the traffic on node ${t.node} (only the endpoints hinted for it)`;
    case 'ignored':
      if (t.why === 'missing-hints') return '; topology hints ignored: not every ready endpoint has a zone hint, so any endpoint may be picked';
      if (t.why === 'node-without-zone') return `; topology hints ignored: ${node ? `node ${node}` : 'the node'} has no topology.kubernetes.io/zone label, so any endpoint may be picked`;
      return `; topology hints ignored: no endpoint is hinted for zone ${t.zone}, so any endpoint may be picked`;
  }
}

/**
 * How the connection reached a pod that refused it. Only a ClusterIP/NodePort/LoadBalancer
 * path goes through kube-proxy's DNAT (port -> targetPort); a headless Service has no virtual
 * IP, so the client connects straight to the pod IP with the port it asked for.
 */
const REFUSED_HOW: Record<DeliveredVia, (s: Statement<'refused-by-pod'>) => string> = {
  proxy: (s) => `kube-proxy delivered it to ${s.endpoint}`,
  headless: (s) => `headless Service ${s.service} has no virtual IP, so the client connected straight to ${s.endpoint} (the port it asked for; no targetPort translation)`,
  direct: (s) => `it was sent to ${s.endpoint}`,
};
const REFUSED_FIX: Record<DeliveredVia, string> = {
  proxy: ". The Service's targetPort must be a port the container listens on (its containerPort)",
  headless: '. Through a headless Service, connect to the port the container listens on',
  direct: '',
};

/** The annotation that would state the truth: the ports known so far plus this one. */
const listensValue = (ports: PortFacts[], port: number, protocol: string) =>
  [...new Set([...ports.map((p) => (p.protocol === 'TCP' ? `${p.port}` : `${p.port}/${p.protocol}`)), protocol === 'TCP' ? `${port}` : `${port}/${protocol}`])].join(',');

/** How svclab knows the pod accepts, after "accepts on port P": nothing to add when a container declares it. */
const ACCEPTS_BASIS: Record<ListenBasis, string> = {
  'listens-annotation': ' (its svclab.io/listens annotation)',
  'container-ports': '',
  probe: ' (a probe of its containers connects there)',
  'no-ports-declared': '',
};

/** Why an accepted connection is only assumed: the pod says nothing about its ports. */
const assumedOpen = (port: number, protocol: string) =>
  `the pod declares no container port (and containerPort is informational anyway), so svclab cannot tell whether the app listens on ${port}/${protocol}; the pod template annotation svclab.io/listens: "${listensValue([], port, protocol)}" states it`;

const policyNames = (policies: string[]) => `NetworkPolicy ${policies.join(', ')} ${policies.length === 1 ? 'isolates' : 'isolate'}`;
const peerLabel = (ip: string, pod: string | null) => (pod ? `pod ${pod} (${ip})` : ip);
const controllerLabel = (c: EdgeControllerFacts) => (c.kind === 'ingress-nginx' ? 'the ingress-nginx controller' : `the proxy of Gateway ${c.gateway}`);
const EDGE_BY: Record<'ingress-rule' | 'gateway-hostname' | 'resolve' | 'address', string> = {
  'ingress-rule': 'an Ingress rule names it, so external DNS points it at',
  'gateway-hostname': 'a Gateway listener or one of its routes (HTTPRoute, GRPCRoute) names it, so external DNS points it at',
  resolve: '--resolve sends it to',
  address: 'the URL names the address of',
};
const MISSING_BACKEND: Record<'no-service' | 'no-port' | 'resource', string> = {
  'no-service': 'does not exist',
  'no-port': 'has no such port (an Ingress names the Service port, by number or name, not the targetPort)',
  resource: 'is a resource backend, which ingress-nginx does not serve',
};

/** The edge's sentences (src/edge/): ingress-nginx and Gateway proxies. */
const EDGE: Pick<Catalogue, 'edge-address' | 'edge-tls' | 'ingress-redirect' | 'ingress-match' | 'ingress-default-backend' | 'ingress-no-match' | 'ingress-backend-missing' | 'gateway-no-listener' | 'gateway-match' | 'gateway-no-match' | 'gateway-backend-invalid' | 'edge-upstream-failed' | 'edge-answer' | 'edge-unserved'> = {
  'edge-address': (s) => `${s.detail.host}: ${EDGE_BY[s.detail.by]} ${s.detail.address}:${s.detail.port}, ${controllerLabel(s.detail.controller)}`,
  'edge-tls': (s) =>
    s.detail.covered
      ? `${controllerLabel(s.detail.controller)} terminates TLS for ${s.detail.host} (SNI picks the certificate${s.detail.secret ? ` in Secret ${s.detail.secret}` : ''}); the backend gets plain HTTP`
      : `no TLS entry covers ${s.detail.host}: ${controllerLabel(s.detail.controller)} presents its default (self-signed) certificate, which curl refuses without -k; svclab carries on as with -k`,
  'ingress-redirect': (s) => `${s.detail.request}: Ingress TLS covers ${s.detail.host}, so ingress-nginx redirects plain HTTP to ${s.detail.location} (${s.detail.status}, ssl-redirect is on by default)`,
  'ingress-match': (s) =>
    `ingress-nginx (class ${s.detail.className}) takes ${s.detail.request}: host ${s.detail.server === '*' ? '(any: a rule without host)' : s.detail.server}, path ${s.detail.path} (${s.detail.pathType}) of Ingress ${s.detail.ingress} rule ${s.detail.rule} -> Service ${s.detail.backend} port ${s.detail.servicePort}`,
  'ingress-default-backend': (s) => `no rule of ${s.detail.request} matches; the defaultBackend of Ingress ${s.detail.ingress} takes it -> Service ${s.detail.backend} port ${s.detail.servicePort}`,
  'ingress-no-match': (s) =>
    `no Ingress rule matches ${s.detail.request} (host ${s.detail.host}${s.detail.server === '*' ? ', served by no host rule' : `, server ${s.detail.server}`}) and no Ingress has a defaultBackend: ingress-nginx's default backend answers ${s.detail.status}`,
  'ingress-backend-missing': (s) =>
    `Ingress ${s.detail.ingress} sends ${s.detail.request} to Service ${s.detail.backend} port ${s.detail.servicePort}, which ${MISSING_BACKEND[s.detail.cause]}: ingress-nginx answers ${s.detail.status}`,
  'gateway-no-listener': (s) => `Gateway ${s.detail.gateway} has no listener on port ${s.detail.port} for host ${s.detail.host}: it answers ${s.detail.status}`,
  'gateway-match': (s) =>
    `Gateway ${s.detail.gateway} listener ${s.detail.listener} takes ${s.detail.request}: ${s.detail.kind} ${s.detail.route} rule ${s.detail.rule} match ${s.detail.match} -> Service ${s.detail.backend}${s.detail.servicePort === null ? '' : ` port ${s.detail.servicePort}`}` +
    (s.detail.total > s.detail.weight ? ` (weight ${s.detail.weight} of ${s.detail.total})` : ''),
  'gateway-no-match': (s) =>
    `no rule of the ${s.detail.routes} ${s.detail.kind}(s) attached to Gateway ${s.detail.gateway} listener ${s.detail.listener} matches ${s.detail.request}: the gateway answers ${s.detail.kind === 'GRPCRoute' ? 'UNIMPLEMENTED' : s.detail.status}`,
  'gateway-backend-invalid': (s) =>
    `${s.detail.kind} ${s.detail.route} rule ${s.detail.rule} picked backend ${s.detail.backend}, which does not resolve (${s.detail.reason}): the Gateway API requires ${s.detail.kind === 'GRPCRoute' ? 'UNAVAILABLE' : s.detail.status} for requests to an invalid backend`,
  'edge-upstream-failed': (s) => `${controllerLabel(s.detail.controller)} could not reach the backend (${s.detail.outcome}: ${s.detail.cause}) and answers ${s.detail.status}`,
  'edge-answer': (s) => `${controllerLabel(s.detail.controller)} returns the backend's answer for ${s.detail.path}: ${s.detail.status}`,
  'edge-unserved': ({ detail: d }) => `${d.object} names ${d.host}, but ${UNSERVED[d.cause](d)}: nothing gives ${d.host} an address, so external DNS has none for it`,
};
const UNSERVED: Record<'controller-off' | 'class-unserved' | 'class-not-accepted' | 'class-missing', (d: { gateway: string | null; className: string | null; controllerName: string | null; runs: string[] | null }) => string> = {
  'controller-off': () => 'this cluster runs no ingress controller (Cluster spec.ingressController: none)',
  'class-unserved': (d) => (d.className === null ? 'it has no class and no IngressClass is the default, so ingress-nginx ignores it' : `no ingress controller of this cluster serves its class "${d.className}"`),
  'class-not-accepted': (d) =>
    `Gateway ${d.gateway} is of GatewayClass ${d.className} (controllerName ${d.controllerName}), which no gateway controller of this cluster runs (Cluster spec.gatewayControllers: ${(d.runs ?? []).join(', ') || 'none'}): the class is not Accepted and the Gateway not Programmed`,
  'class-missing': (d) => `Gateway ${d.gateway} names GatewayClass ${d.className}, which does not exist: the Gateway is not Accepted`,
};


export const ENGLISH: Catalogue = {
  ...EDGE,
  source: (s) => `${sourceLabel(s.detail.source)} (${s.from}${s.node ? ` on ${s.node}` : ''}) connects to ${s.detail.target}`,
  'dns-answer': ({ detail: d }) =>
    `${resolver(d.resolver)} answers ${d.name} -> ${d.addresses.join(', ')}` +
    (d.tried.length > 1 ? ` (names tried: ${names(d.tried)})` : '') +
    (d.cname ? `; ${d.name} is a CNAME for ${d.cname} (ExternalName), which leaves the cluster` : ''),
  'dns-no-address': ({ detail: d }) => `${resolver(d.resolver)} has no address for ${d.name}: ${d.rcode === 'NOERROR' ? 'no A record' : d.rcode}${d.tried.length ? ` (names tried: ${names(d.tried)})` : ''}`,
  'headless-service': (s) => `${s.service} is a headless Service (clusterIP: None): DNS returns the pod IPs and no kube-proxy rule is involved`,
  'dns-externalname-unresolved': ({ detail: d }) => `${d.name} is an ExternalName for ${d.cname}, which leaves the cluster, and the upstream DNS has no address for ${d.cname}`,
  'dns-outside-cluster': ({ detail: d }) =>
    `${sourceLabel(d.source)} does not use the cluster DNS (CoreDNS), so the Service name "${d.name}" does not resolve there (${d.rcode})${servicesNote(d.services)}; use the ClusterIP${d.source.kind === 'external' ? ' from inside the cluster, or a NodePort/LoadBalancer address' : ''}, or run the request from a pod`,
  'dns-policy-no-cluster-names': ({ detail: d }) =>
    `${sourceLabel(d.source)} uses dnsPolicy ${d.policy}${d.hostNetworkFallback ? ' (hostNetwork pod with ClusterFirst)' : ''}, so it asks a resolver that knows no cluster names: "${d.name}" does not resolve (${d.rcode})${servicesNote(d.services)}` +
    (d.hostNetworkFallback ? '; set dnsPolicy: ClusterFirstWithHostNet to use the cluster DNS from a hostNetwork pod' : ''),
  'dns-no-nameserver': ({ detail: d }) => `${sourceLabel(d.source)} has no nameserver to ask (dnsPolicy None without dnsConfig.nameservers)`,
  'dns-externalname-ip': (s) =>
    `"${s.detail.name}" does not resolve: Service ${s.service} is an ExternalName holding the IP address ${s.detail.externalName}, and CoreDNS serves no record for it (externalName must be a DNS name, it becomes a CNAME). For a fixed IP, use a Service without a selector and an EndpointSlice with that address`,
  'dns-headless-no-endpoints': (s) => `"${s.detail.name}" does not resolve: headless Service ${s.service} has no ready endpoints, and a headless Service without ready endpoints has no DNS records (NXDOMAIN)`,
  'dns-not-found': ({ detail: d }) =>
    `"${d.name}" does not resolve (${d.rcode}${d.rcode === 'NOERROR' ? ', no A record' : ''}); names tried: ${names(d.tried)}` +
    (d.elsewhere ? `; a Service of that name exists in namespace ${d.elsewhere.namespaces.join(', ')}: use ${d.elsewhere.name}.${d.elsewhere.namespaces[0]}` : ''),
  'cluster-ip': (s) => `${s.detail.ip}:${s.detail.port}/${s.detail.protocol} is the ClusterIP of Service ${s.service} (port ${s.detail.servicePort} -> targetPort ${s.detail.targetPort})`,
  'cluster-ip-from-outside': (s) => `${s.detail.ip} is the ClusterIP of Service ${s.service}: a virtual address that exists only inside the cluster, so a client outside cannot reach it (use a NodePort or LoadBalancer Service)`,
  'port-not-exposed': (s) =>
    `Service ${s.service} (ClusterIP ${s.detail.ip}) has no port ${s.detail.port}/${s.detail.protocol}; it exposes ${s.detail.exposed.map(portLabel).join(', ') || 'no ports'}. kube-proxy rejects connections to undefined ports of a ClusterIP (nftables mode; in iptables mode they time out)`,
  'no-endpoints': (s) => `Service ${s.service} has no usable endpoint for port ${portLabel(s.detail.servicePort)}: ${noEndpointsWhy(s.detail.why)}; kube-proxy rejects the connection ("has no endpoints")`,
  'no-local-endpoints-internal': (s) => `Service ${s.service} has internalTrafficPolicy: Local and no ready endpoint on ${s.node} (where the request starts); kube-proxy drops the traffic ("has no local endpoints")`,
  'external-address': (s) => `${s.detail.ip}:${s.detail.port}/${s.detail.protocol} is ${s.detail.loadBalancer ? 'the LoadBalancer address' : 'an externalIP'} of Service ${s.service} (targetPort ${s.detail.targetPort})`,
  'external-port-not-exposed': ({ detail: d }) =>
    `${d.ip} belongs to Service ${d.services.join(', ')}, which does not expose ${d.port}/${d.protocol} (it exposes ${d.exposed.map(portLabel).join(', ')}); nothing forwards that port, so the connection times out`,
  'no-healthy-node': (s) => `Service ${s.service} has externalTrafficPolicy: Local and no node runs a ready endpoint, so every node fails the load balancer's health check`,
  'no-node-for-address': (s) => `no node can receive traffic for ${s.detail.ip}`,
  'no-local-endpoints-external': (s) => `Service ${s.service} has externalTrafficPolicy: Local and node ${s.node} runs none of its ready endpoints; kube-proxy on ${s.node} drops the traffic ("has no local endpoints")`,
  'node-port': (s) => `${s.detail.port}/${s.detail.protocol} on node ${s.node} (${s.detail.nodeIP}) is the nodePort of Service ${s.service} (port ${s.detail.servicePort} -> targetPort ${s.detail.targetPort}); kube-proxy opens it on every node`,
  'node-port-closed': ({ node, detail: d }) =>
    `nothing listens on node ${node} (${d.nodeIP}) port ${d.port}/${d.protocol}${d.port >= d.range.min && d.port <= d.range.max ? `: no Service has nodePort ${d.port}` : ` (node ports are ${d.range.min}-${d.range.max})`}`,
  'host-network-pod': (s) => `hostNetwork pod ${s.pod} listens on ${s.node}'s own IP, port ${s.detail.port}`,
  'host-port': (s) => `hostPort ${s.detail.port} on ${s.node} forwards to pod ${s.pod} port ${s.detail.containerPort}`,
  'pod-ip': (s) => `${s.detail.ip} is the IP of pod ${s.pod}: the packet goes straight to the pod, no Service involved`,
  'pod-ip-from-outside': (s) => `${s.detail.ip} is the IP of pod ${s.pod}; pod IPs are only routable inside the cluster, so a client outside cannot reach it (expose it with a NodePort or LoadBalancer Service)`,
  'unproxied-service': (s) =>
    `${s.detail.ip} belongs to Service ${s.service}, labelled ${s.detail.label}=${s.detail.proxy}: kube-proxy leaves it to that other proxy (which svclab does not model) and programs no rule for it, so nothing forwards the traffic`,
  'unallocated-cluster-ip': (s) => `${s.detail.ip} is in the service CIDR ${s.detail.serviceCIDR} but no Service has this ClusterIP; kube-proxy drops traffic to unallocated ClusterIPs`,
  'unused-pod-ip': (s) => `no pod has the IP ${s.detail.ip} (it is in the pod CIDR ${s.detail.podCIDR}, but unused)`,
  'not-cluster-address': (s) => `${s.detail.ip} is not an address of this cluster (no node, LoadBalancer or external IP has it)`,
  'unknown-host': (s) => `nothing in the simulated cluster or its upstream DNS table has the address ${s.detail.ip}; svclab assumes no host answers there`,
  'leaves-cluster': (s) => `${s.detail.ip} is outside the cluster: the connection leaves the cluster (masqueraded to the node's IP)`,
  dnat: ({ node, endpoint, detail: d }) =>
    `${node ? `kube-proxy on ${node}` : 'kube-proxy'} DNATs ${d.destination} to ${endpoint} (${d.endpoints === 1 ? 'the only usable endpoint' : `one of ${d.endpoints} usable endpoints, picked at random`})` +
    (d.policy ? POLICY_NOTES[d.policy] : '') +
    (d.affinity ? `; sessionAffinity: ClientIP keeps ${d.affinity.clientIP} on this endpoint for ${d.affinity.timeoutSeconds}s` : '') +
    (d.topology ? topologyNote(d.topology, node) : '') +
    (d.snat ? `; source address rewritten (SNAT) to ${d.snat}` : ''),
  'load-balancer-source-ranges': (s) =>
    `${s.from} is not in the loadBalancerSourceRanges of Service ${s.service} (${s.detail.ranges.join(', ')}); kube-proxy${s.node ? ` on ${s.node}` : ''} drops connections to the load balancer address ${s.detail.ip} from other sources`,
  'network-policy-denied': ({ pod, detail: d }) =>
    `${policyNames(d.policies)} pod ${pod} for ${d.direction} and no policy allows ${d.direction === 'ingress' ? 'ingress from' : 'egress to'} ${peerLabel(d.peer, d.peerPod)} on port ${d.port}/${d.protocol}; the packets are dropped, so the client times out` +
    (d.snat ? ` (${d.peer} is the address the pod sees: the node that forwarded the connection rewrote the client's address, SNAT)` : ''),
  'dns-blocked-by-network-policy': ({ pod, detail: d }) =>
    `${policyNames(d.policies)} pod ${pod} for ${d.direction} and no policy allows ${d.direction === 'egress' ? 'egress to the CoreDNS pods' : 'the lookup'} on port 53/UDP, so "${d.name}" cannot be resolved (the DNS query times out); allow ${d.direction === 'egress' ? 'egress to' : 'ingress to'} kube-system pods k8s-app=kube-dns on port 53 (UDP and TCP)`,
  'pod-accepts': ({ pod, node, detail: d }) =>
    d.assumed
      ? `pod ${pod} (${d.ip}) on ${node} is assumed to accept on port ${d.port}/${d.protocol}${d.body ? ` and to answer "${d.body}"` : ''}: it declares no container port, so nothing says what it listens on`
      : `pod ${pod} (${d.ip}) on ${node} accepts on port ${d.port}/${d.protocol}${ACCEPTS_BASIS[d.basis]}${d.body ? ` and answers "${d.body}"` : ''}`,
  'pod-not-listening': ({ pod, node, detail: d }) =>
    d.assumed
      ? `pod ${pod} (${d.ip}) on ${node} declares no container port ${d.port}/${d.protocol} (it declares ${portList(d.declared)}); svclab assumes nothing listens there, so the pod resets the connection`
      : `pod ${pod} (${d.ip}) on ${node} has nothing listening on ${d.port}/${d.protocol} (its svclab.io/listens annotation says ${portList(d.declared) || 'none'}) and resets the connection`,
  'answered-by-pod': (s) => `answered by pod ${s.pod} (${s.endpoint})${s.detail.assumed ? `, assumed: ${assumedOpen(s.detail.port, s.detail.protocol)}` : ''}`,
  'refused-by-pod': (s) => {
    const d = s.detail;
    if (!d.assumed) return `connection refused by pod ${s.pod}: ${REFUSED_HOW[d.via](s)}, but the pod listens only on ${portList(d.declared) || 'no port'} (its svclab.io/listens annotation)${REFUSED_FIX[d.via]}`;
    return (
      `connection refused by pod ${s.pod} (assumed): ${REFUSED_HOW[d.via](s)}, but its containers declare only ${portList(d.declared)}. ` +
      `containerPort is informational, so the app may listen on ${d.port}/${d.protocol} anyway; svclab assumes it does not${REFUSED_FIX[d.via]}. ` +
      `If the app does listen there, declare the port, or state it with the pod template annotation svclab.io/listens: "${listensValue(d.declared, d.port, d.protocol)}"`
    );
  },
  'api-server-accepts': (s) => `kube-apiserver on ${s.node} (${s.endpoint}) accepts the connection`,
  'answered-by-api-server': (s) => `answered by the API server on ${s.node} (${s.endpoint})`,
  'node-not-listening': (s) => `nothing listens on node ${s.node} (${s.detail.ip}) port ${s.detail.port}/${s.detail.protocol}`,
  'endpoint-without-pod': (s) => `the endpoint ${s.endpoint} is in the pod CIDR but no pod has that IP`,
  'outside-cluster': (s) => `${s.detail.ip} is outside the cluster`,
  'answered-outside': (s) => `the connection leaves the cluster to ${s.endpoint}; svclab does not model hosts outside the cluster and counts it as answered`,
};

/** The sentence of a statement, in the given catalogue (English by default). */
export function sentence(s: Statement, catalogue: Catalogue = ENGLISH): string {
  return (catalogue[s.message] as (s: Statement) => string)(s);
}
