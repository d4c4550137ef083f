/**
 * The route engine's sentences in Korean, for learners (`--lang ko`): the same statements as
 * ./sentences, said in Korean. Kubernetes words that kubectl prints (Service, ClusterIP,
 * targetPort, NodePort, dnsPolicy, ...), field paths, names and addresses stay as they are.
 * Typed as a partial catalogue so that a new English sentence compiles before its Korean one
 * exists; test/sim/sentences-ko.test.ts fails until every key has its Korean entry.
 */
import type { DeliveredVia, EdgeControllerFacts, ListenBasis, NamedService, NoEndpointsCause, PolicyNote, PortFacts, ResolverFacts, SourceFacts, Statement, TopologyNote } from './facts';
import type { Catalogue } from './sentences';

const portLabel = (p: PortFacts) => `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
const portList = (ports: PortFacts[]) => [...new Set(ports.map(portLabel))].join(', ');
const names = (tried: string[]) => tried.join(', ');

function sourceLabel(s: SourceFacts): string {
  if (s.kind === 'external') return '클러스터 밖의 클라이언트';
  if (s.kind === 'node') return `노드 ${s.node}`;
  return s.adHoc ? `디버그 파드 ${s.pod}` : `파드 ${s.pod}`;
}

function resolver(r: ResolverFacts): string {
  if (r.server === 'cluster') return `CoreDNS(${r.nameserver})`;
  if (r.server === 'node') return `클러스터 밖의 리졸버(${r.nameserver})`;
  return '네임서버 없음';
}

function servicesNote(services: NamedService[]): string {
  if (!services.length) return '';
  return ` (Service ${services.map((s) => s.service).join(', ')}의 ClusterIP는 ${services.map((s) => s.clusterIP).join(', ')})`;
}

function noEndpointsWhy(why: NoEndpointsCause): string {
  switch (why.cause) {
    case 'not-ready':
      return `엔드포인트 ${why.count}개가 준비되지 않았어요 (종료 중이면서 서비스 중인 것도 아니에요)`;
    case 'no-selector':
      return '셀렉터가 없고, 이 Service를 위한 Endpoints/EndpointSlice도 주어지지 않았어요';
    case 'skip-mirror':
      return `셀렉터가 없고, 직접 쓴 Endpoints에 ${why.label}: "true" 레이블이 있어서 어떤 EndpointSlice도 이를 미러링하지 않아요 (kube-proxy는 EndpointSlice만 읽어요)`;
    case 'named-port':
      return `실행 중이고 셀렉터에 맞는 파드 중에 "${why.targetPort}"(targetPort)라는 이름의 컨테이너 포트를 가진 파드가 없어요`;
    case 'no-match':
      return `셀렉터 ${Object.entries(why.selector).map(([k, v]) => `${k}=${v}`).join(',') || '(비어 있음)'}에 맞는 실행 중인 파드가 네임스페이스 ${why.namespace}에 없어요`;
  }
}

const POLICY_NOTES: Record<Exclude<PolicyNote, null>, string> = {
  'internal-local': ' (internalTrafficPolicy: Local: 이 노드의 엔드포인트만)',
  'external-local': ' (externalTrafficPolicy: Local: 이 노드의 엔드포인트만, 클라이언트 IP 유지)',
  'external-short-circuit': ' (클러스터 안에서 온 트래픽은 externalTrafficPolicy: Local이어도 Cluster 정책을 따라요)',
};

function topologyNote(t: Exclude<TopologyNote, null>, node: string | undefined): string {
  switch (t.mode) {
    case 'PreferSameZone':
      return `; 토폴로지 힌트가 트래픽을 존 ${t.zone} 안에 둬요 (${t.zone}용 힌트가 있는 엔드포인트만)`;
    case 'PreferSameNode':
      return `; 토폴로지 힌트가 트래픽을 노드 ${t.node}에 둬요 (이 노드용 힌트가 있는 엔드포인트만)`;
    case 'ignored':
      if (t.why === 'missing-hints') return '; 토폴로지 힌트는 무시돼요: 준비된 엔드포인트 중 존 힌트가 없는 것이 있어서, 어느 엔드포인트든 고를 수 있어요';
      if (t.why === 'node-without-zone') return `; 토폴로지 힌트는 무시돼요: ${node ? `노드 ${node}` : '노드'}에 topology.kubernetes.io/zone 레이블이 없어서, 어느 엔드포인트든 고를 수 있어요`;
      return `; 토폴로지 힌트는 무시돼요: 존 ${t.zone}용 힌트가 있는 엔드포인트가 없어서, 어느 엔드포인트든 고를 수 있어요`;
  }
}

const REFUSED_HOW: Record<DeliveredVia, (s: Statement<'refused-by-pod'>) => string> = {
  proxy: (s) => `kube-proxy가 ${s.endpoint}로 전달했는데`,
  headless: (s) => `헤드리스 Service ${s.service}에는 가상 IP가 없어서 클라이언트가 ${s.endpoint}로 바로 연결했는데 (요청한 포트 그대로, targetPort 변환 없음)`,
  direct: (s) => `${s.endpoint}로 보냈는데`,
};
const REFUSED_FIX: Record<DeliveredVia, string> = {
  proxy: '. Service의 targetPort는 컨테이너가 기다리는 포트(containerPort)여야 해요',
  headless: '. 헤드리스 Service를 거칠 때는 컨테이너가 기다리는 포트로 접속하세요',
  direct: '',
};

const listensValue = (ports: PortFacts[], port: number, protocol: string) =>
  [...new Set([...ports.map((p) => (p.protocol === 'TCP' ? `${p.port}` : `${p.port}/${p.protocol}`)), protocol === 'TCP' ? `${port}` : `${port}/${protocol}`])].join(',');

const ACCEPTS_BASIS: Record<ListenBasis, string> = {
  'listens-annotation': ' (svclab.io/listens 애너테이션)',
  'container-ports': '',
  probe: ' (컨테이너의 프로브가 그 포트로 연결해요)',
  'no-ports-declared': '',
};

const assumedOpen = (port: number, protocol: string) =>
  `파드가 컨테이너 포트를 하나도 선언하지 않아서 (containerPort는 어차피 정보용이에요) 앱이 ${port}/${protocol}에서 기다리는지 svclab이 알 수 없어요. 파드 템플릿 애너테이션 svclab.io/listens: "${listensValue([], port, protocol)}"로 알려 주세요`;

const policyNames = (policies: string[]) => `NetworkPolicy ${policies.join(', ')}`;
const peerLabel = (ip: string, pod: string | null) => (pod ? `파드 ${pod}(${ip})` : ip);
const controllerLabel = (c: EdgeControllerFacts) => (c.kind === 'ingress-nginx' ? 'ingress-nginx 컨트롤러' : `Gateway ${c.gateway}의 프록시`);
const EDGE_BY: Record<'ingress-rule' | 'gateway-hostname' | 'resolve' | 'address', string> = {
  'ingress-rule': 'Ingress 규칙이 이 이름을 써서, 외부 DNS가 이 이름을 가리키는 곳은',
  'gateway-hostname': 'Gateway 리스너나 HTTPRoute가 이 이름을 써서, 외부 DNS가 이 이름을 가리키는 곳은',
  resolve: '--resolve가 이 이름을 보내는 곳은',
  address: 'URL에 적힌 주소는',
};
const MISSING_BACKEND: Record<'no-service' | 'no-port' | 'resource', string> = {
  'no-service': '존재하지 않아요',
  'no-port': '그런 포트가 없어요 (Ingress는 targetPort가 아니라 Service의 포트를 번호나 이름으로 가리켜요)',
  resource: 'resource 백엔드인데, ingress-nginx는 이를 처리하지 않아요',
};

/** The edge's sentences (src/edge/) in Korean. */
const EDGE: Pick<Catalogue, 'edge-address' | 'edge-tls' | 'ingress-redirect' | 'ingress-match' | 'ingress-default-backend' | 'ingress-no-match' | 'ingress-backend-missing' | 'gateway-no-listener' | 'gateway-match' | 'gateway-no-match' | 'gateway-backend-invalid' | 'edge-upstream-failed' | 'edge-answer' | 'edge-unserved'> = {
  'edge-address': (s) => `${s.detail.host}: ${EDGE_BY[s.detail.by]} ${s.detail.address}:${s.detail.port}, 곧 ${controllerLabel(s.detail.controller)}예요`,
  'edge-tls': (s) =>
    s.detail.covered
      ? `${controllerLabel(s.detail.controller)}가 ${s.detail.host}의 TLS를 끝내요 (SNI로 ${s.detail.secret ? `Secret ${s.detail.secret}의 ` : ''}인증서를 골라요). 백엔드는 평범한 HTTP를 받아요`
      : `${s.detail.host}를 덮는 TLS 항목이 없어요. ${controllerLabel(s.detail.controller)}는 기본(자체 서명) 인증서를 내밀고, curl은 -k 없이는 이를 거부해요. svclab은 -k를 준 것처럼 계속해요`,
  'ingress-redirect': (s) => `${s.detail.request}: Ingress TLS가 ${s.detail.host}를 덮고 있어서, ingress-nginx가 평범한 HTTP를 ${s.detail.location}로 리다이렉트해요 (${s.detail.status}, ssl-redirect는 기본으로 켜져 있어요)`,
  'ingress-match': (s) =>
    `ingress-nginx(클래스 ${s.detail.className})가 ${s.detail.request}를 받아요: 호스트 ${s.detail.server === '*' ? '(아무나: 호스트 없는 규칙)' : s.detail.server}, Ingress ${s.detail.ingress} 규칙 ${s.detail.rule}의 경로 ${s.detail.path}(${s.detail.pathType}) -> Service ${s.detail.backend} 포트 ${s.detail.servicePort}`,
  'ingress-default-backend': (s) => `${s.detail.request}에 맞는 규칙이 없어서 Ingress ${s.detail.ingress}의 defaultBackend가 받아요 -> Service ${s.detail.backend} 포트 ${s.detail.servicePort}`,
  'ingress-no-match': (s) =>
    `${s.detail.request}에 맞는 Ingress 규칙이 없고 (호스트 ${s.detail.host}${s.detail.server === '*' ? ', 이 호스트를 다루는 규칙 없음' : `, 서버 ${s.detail.server}`}) defaultBackend가 있는 Ingress도 없어요. ingress-nginx의 기본 백엔드가 ${s.detail.status}로 대답해요`,
  'ingress-backend-missing': (s) =>
    `Ingress ${s.detail.ingress}가 ${s.detail.request}를 Service ${s.detail.backend} 포트 ${s.detail.servicePort}로 보내는데, 그 Service는 ${MISSING_BACKEND[s.detail.cause]}. ingress-nginx가 ${s.detail.status}로 대답해요`,
  'gateway-no-listener': (s) => `Gateway ${s.detail.gateway}에는 호스트 ${s.detail.host}를 위한 포트 ${s.detail.port}의 리스너가 없어요. ${s.detail.status}로 대답해요`,
  'gateway-match': (s) =>
    `Gateway ${s.detail.gateway}의 리스너 ${s.detail.listener}가 ${s.detail.request}를 받아요: ${s.detail.kind} ${s.detail.route} 규칙 ${s.detail.rule}의 매치 ${s.detail.match} -> Service ${s.detail.backend}${s.detail.servicePort === null ? '' : ` 포트 ${s.detail.servicePort}`}` +
    (s.detail.total > s.detail.weight ? ` (가중치 ${s.detail.total} 중 ${s.detail.weight})` : ''),
  'gateway-no-match': (s) => `Gateway ${s.detail.gateway}의 리스너 ${s.detail.listener}에 붙은 ${s.detail.kind} ${s.detail.routes}개의 규칙 중 ${s.detail.request}에 맞는 것이 없어요. 게이트웨이가 ${s.detail.kind === 'GRPCRoute' ? 'UNIMPLEMENTED' : s.detail.status}로 대답해요`,
  'gateway-backend-invalid': (s) =>
    `${s.detail.kind} ${s.detail.route} 규칙 ${s.detail.rule}이 고른 백엔드 ${s.detail.backend}를 찾을 수 없어요 (${s.detail.reason}). Gateway API는 잘못된 백엔드로 가는 요청에 ${s.detail.kind === 'GRPCRoute' ? 'UNAVAILABLE' : s.detail.status}를 요구해요`,
  'edge-upstream-failed': (s) => `${controllerLabel(s.detail.controller)}가 백엔드에 닿지 못해서 (${s.detail.outcome}: ${s.detail.cause}) ${s.detail.status}로 대답해요`,
  'edge-answer': (s) => `${controllerLabel(s.detail.controller)}가 ${s.detail.path}에 대한 백엔드의 응답을 돌려줘요: ${s.detail.status}`,
  'edge-unserved': ({ detail: d }) => `${d.object}가 ${d.host}를 쓰지만, ${UNSERVED[d.cause](d)}. ${d.host}에 주소를 주는 것이 없어서 외부 DNS에도 주소가 없어요`,
};
const UNSERVED: Record<'controller-off' | 'class-unserved' | 'class-not-accepted' | 'class-missing', (d: { gateway: string | null; className: string | null; controllerName: string | null; runs: string[] | null }) => string> = {
  'controller-off': () => '이 클러스터에는 인그레스 컨트롤러가 없어요 (Cluster spec.ingressController: none)',
  'class-unserved': (d) => (d.className === null ? '클래스가 없고 기본 IngressClass도 없어서 ingress-nginx가 이를 무시해요' : `이 클러스터의 어떤 인그레스 컨트롤러도 클래스 "${d.className}"를 처리하지 않아요`),
  'class-not-accepted': (d) =>
    `Gateway ${d.gateway}의 GatewayClass ${d.className}(controllerName ${d.controllerName})를 실행하는 게이트웨이 컨트롤러가 이 클러스터에 없어요 (Cluster spec.gatewayControllers: ${(d.runs ?? []).join(', ') || '없음'}). 클래스는 Accepted가 아니고 Gateway는 Programmed가 아니에요`,
  'class-missing': (d) => `Gateway ${d.gateway}가 가리키는 GatewayClass ${d.className}가 없어서 Gateway가 Accepted가 아니에요`,
};

export const KOREAN: Partial<Catalogue> = {
  ...EDGE,
  source: (s) => `${sourceLabel(s.detail.source)}(${s.from}${s.node ? `, ${s.node}` : ''})가 ${s.detail.target}에 연결해요`,
  'dns-answer': ({ detail: d }) =>
    `${resolver(d.resolver)}가 ${d.name} -> ${d.addresses.join(', ')}로 대답해요` +
    (d.tried.length > 1 ? ` (시도한 이름: ${names(d.tried)})` : '') +
    (d.cname ? `; ${d.name}은 ${d.cname}의 CNAME(ExternalName)이고, 클러스터 밖으로 나가요` : ''),
  'dns-no-address': ({ detail: d }) => `${resolver(d.resolver)}에 ${d.name}의 주소가 없어요: ${d.rcode === 'NOERROR' ? 'A 레코드 없음' : d.rcode}${d.tried.length ? ` (시도한 이름: ${names(d.tried)})` : ''}`,
  'headless-service': (s) => `${s.service}는 헤드리스 Service(clusterIP: None)예요. DNS가 파드 IP를 돌려주고, kube-proxy 규칙은 관여하지 않아요`,
  'dns-externalname-unresolved': ({ detail: d }) => `${d.name}은 클러스터 밖을 가리키는 ${d.cname}의 ExternalName인데, 상위 DNS에 ${d.cname}의 주소가 없어요`,
  'dns-outside-cluster': ({ detail: d }) =>
    `${sourceLabel(d.source)}는 클러스터 DNS(CoreDNS)를 쓰지 않아서, 거기서는 Service 이름 "${d.name}"이 풀리지 않아요 (${d.rcode})${servicesNote(d.services)}. ${d.source.kind === 'external' ? '클러스터 안에서 ClusterIP를 쓰거나, NodePort/LoadBalancer 주소를 쓰거나' : 'ClusterIP를 쓰거나'}, 파드에서 요청하세요`,
  'dns-policy-no-cluster-names': ({ detail: d }) =>
    `${sourceLabel(d.source)}는 dnsPolicy ${d.policy}${d.hostNetworkFallback ? ' (ClusterFirst인 hostNetwork 파드)' : ''}라서 클러스터 이름을 모르는 리졸버에 물어봐요. "${d.name}"은 풀리지 않아요 (${d.rcode})${servicesNote(d.services)}` +
    (d.hostNetworkFallback ? '; hostNetwork 파드에서 클러스터 DNS를 쓰려면 dnsPolicy: ClusterFirstWithHostNet으로 설정하세요' : ''),
  'dns-no-nameserver': ({ detail: d }) => `${sourceLabel(d.source)}에는 물어볼 네임서버가 없어요 (dnsConfig.nameservers 없이 dnsPolicy None)`,
  'dns-externalname-ip': (s) =>
    `"${s.detail.name}"은 풀리지 않아요. Service ${s.service}는 IP 주소 ${s.detail.externalName}을 담은 ExternalName인데, CoreDNS는 이에 대한 레코드를 만들지 않아요 (externalName은 DNS 이름이어야 하고, CNAME이 돼요). 고정 IP라면 셀렉터 없는 Service와 그 주소를 담은 EndpointSlice를 쓰세요`,
  'dns-headless-no-endpoints': (s) => `"${s.detail.name}"은 풀리지 않아요. 헤드리스 Service ${s.service}에 준비된 엔드포인트가 없고, 준비된 엔드포인트가 없는 헤드리스 Service에는 DNS 레코드가 없어요 (NXDOMAIN)`,
  'dns-not-found': ({ detail: d }) =>
    `"${d.name}"은 풀리지 않아요 (${d.rcode}${d.rcode === 'NOERROR' ? ', A 레코드 없음' : ''}). 시도한 이름: ${names(d.tried)}` +
    (d.elsewhere ? `; 같은 이름의 Service가 네임스페이스 ${d.elsewhere.namespaces.join(', ')}에 있어요: ${d.elsewhere.name}.${d.elsewhere.namespaces[0]}로 부르세요` : ''),
  'cluster-ip': (s) => `${s.detail.ip}:${s.detail.port}/${s.detail.protocol}는 Service ${s.service}의 ClusterIP예요 (port ${s.detail.servicePort} -> targetPort ${s.detail.targetPort})`,
  'cluster-ip-from-outside': (s) => `${s.detail.ip}는 Service ${s.service}의 ClusterIP예요. 클러스터 안에만 있는 가상 주소라서 밖의 클라이언트는 닿을 수 없어요 (NodePort나 LoadBalancer Service를 쓰세요)`,
  'port-not-exposed': (s) =>
    `Service ${s.service}(ClusterIP ${s.detail.ip})에는 포트 ${s.detail.port}/${s.detail.protocol}가 없어요. 이 Service가 여는 포트: ${s.detail.exposed.map(portLabel).join(', ') || '없음'}. kube-proxy는 ClusterIP의 정의되지 않은 포트로 오는 연결을 거부해요 (nftables 모드; iptables 모드에서는 시간 초과)`,
  'no-endpoints': (s) => `Service ${s.service}에는 포트 ${portLabel(s.detail.servicePort)}로 쓸 수 있는 엔드포인트가 없어요: ${noEndpointsWhy(s.detail.why)}. kube-proxy가 연결을 거부해요 ("has no endpoints")`,
  'no-local-endpoints-internal': (s) => `Service ${s.service}는 internalTrafficPolicy: Local인데, 요청이 시작된 ${s.node}에 준비된 엔드포인트가 없어요. kube-proxy가 트래픽을 버려요 ("has no local endpoints")`,
  'external-address': (s) => `${s.detail.ip}:${s.detail.port}/${s.detail.protocol}는 Service ${s.service}의 ${s.detail.loadBalancer ? 'LoadBalancer 주소' : 'externalIP'}예요 (targetPort ${s.detail.targetPort})`,
  'external-port-not-exposed': ({ detail: d }) =>
    `${d.ip}는 Service ${d.services.join(', ')}의 주소인데, ${d.port}/${d.protocol}는 열려 있지 않아요 (여는 포트: ${d.exposed.map(portLabel).join(', ')}). 이 포트를 전달하는 것이 없어서 연결이 시간 초과돼요`,
  'no-healthy-node': (s) => `Service ${s.service}는 externalTrafficPolicy: Local인데 준비된 엔드포인트가 있는 노드가 없어서, 모든 노드가 로드 밸런서의 헬스 체크에 실패해요`,
  'no-node-for-address': (s) => `${s.detail.ip}로 오는 트래픽을 받을 수 있는 노드가 없어요`,
  'no-local-endpoints-external': (s) => `Service ${s.service}는 externalTrafficPolicy: Local인데 노드 ${s.node}에는 준비된 엔드포인트가 없어요. ${s.node}의 kube-proxy가 트래픽을 버려요 ("has no local endpoints")`,
  'node-port': (s) => `노드 ${s.node}(${s.detail.nodeIP})의 ${s.detail.port}/${s.detail.protocol}는 Service ${s.service}의 nodePort예요 (port ${s.detail.servicePort} -> targetPort ${s.detail.targetPort}). kube-proxy가 모든 노드에 이 포트를 열어요`,
  'node-port-closed': ({ node, detail: d }) =>
    `노드 ${node}(${d.nodeIP})의 포트 ${d.port}/${d.protocol}에서 기다리는 것이 없어요${d.port >= d.range.min && d.port <= d.range.max ? `: nodePort가 ${d.port}인 Service가 없어요` : ` (노드 포트 범위는 ${d.range.min}-${d.range.max})`}`,
  'host-network-pod': (s) => `hostNetwork 파드 ${s.pod}가 ${s.node}의 IP, 포트 ${s.detail.port}에서 기다려요`,
  'host-port': (s) => `${s.node}의 hostPort ${s.detail.port}가 파드 ${s.pod}의 포트 ${s.detail.containerPort}로 전달해요`,
  'pod-ip': (s) => `${s.detail.ip}는 파드 ${s.pod}의 IP예요. 패킷이 Service를 거치지 않고 파드로 바로 가요`,
  'pod-ip-from-outside': (s) => `${s.detail.ip}는 파드 ${s.pod}의 IP예요. 파드 IP는 클러스터 안에서만 라우팅되어서 밖의 클라이언트는 닿을 수 없어요 (NodePort나 LoadBalancer Service로 노출하세요)`,
  'unproxied-service': (s) =>
    `${s.detail.ip}는 ${s.detail.label}=${s.detail.proxy} 레이블이 붙은 Service ${s.service}의 주소예요. kube-proxy는 이를 다른 프록시에 맡기고 (svclab은 그 프록시를 모델링하지 않아요) 규칙을 만들지 않아서, 트래픽을 전달하는 것이 없어요`,
  'unallocated-cluster-ip': (s) => `${s.detail.ip}는 서비스 CIDR ${s.detail.serviceCIDR} 안에 있지만 이 ClusterIP를 가진 Service가 없어요. kube-proxy는 할당되지 않은 ClusterIP로 가는 트래픽을 버려요`,
  'unused-pod-ip': (s) => `IP ${s.detail.ip}를 가진 파드가 없어요 (파드 CIDR ${s.detail.podCIDR} 안에 있지만 쓰이지 않아요)`,
  'not-cluster-address': (s) => `${s.detail.ip}는 이 클러스터의 주소가 아니에요 (어떤 노드, LoadBalancer, external IP도 이 주소를 갖고 있지 않아요)`,
  'unknown-host': (s) => `시뮬레이션된 클러스터에도, 상위 DNS 표에도 ${s.detail.ip} 주소가 없어요. svclab은 거기서 응답하는 호스트가 없다고 가정해요`,
  'leaves-cluster': (s) => `${s.detail.ip}는 클러스터 밖에 있어요. 연결이 클러스터를 떠나요 (노드 IP로 마스커레이드돼요)`,
  dnat: ({ node, endpoint, detail: d }) =>
    `${node ? `${node}의 kube-proxy` : 'kube-proxy'}가 ${d.destination}를 ${endpoint}로 DNAT해요 (${d.endpoints === 1 ? '쓸 수 있는 유일한 엔드포인트' : `쓸 수 있는 엔드포인트 ${d.endpoints}개 중 무작위로 하나`})` +
    (d.policy ? POLICY_NOTES[d.policy] : '') +
    (d.affinity ? `; sessionAffinity: ClientIP가 ${d.affinity.clientIP}를 ${d.affinity.timeoutSeconds}초 동안 이 엔드포인트에 붙여 둬요` : '') +
    (d.topology ? topologyNote(d.topology, node) : '') +
    (d.snat ? `; 출발지 주소가 ${d.snat}로 바뀌어요 (SNAT)` : ''),
  'load-balancer-source-ranges': (s) =>
    `${s.from}는 Service ${s.service}의 loadBalancerSourceRanges(${s.detail.ranges.join(', ')})에 없어요. ${s.node ? `${s.node}의 ` : ''}kube-proxy가 다른 출발지에서 로드 밸런서 주소 ${s.detail.ip}로 오는 연결을 버려요`,
  'network-policy-denied': ({ pod, detail: d }) =>
    `${policyNames(d.policies)}가 파드 ${pod}를 ${d.direction === 'ingress' ? '인그레스(들어오는 트래픽)' : '이그레스(나가는 트래픽)'}에 대해 격리하는데, ${peerLabel(d.peer, d.peerPod)}${d.direction === 'ingress' ? '에서 오는' : '로 가는'} 포트 ${d.port}/${d.protocol} 트래픽을 허용하는 정책이 없어요. 패킷이 버려져서 클라이언트는 시간 초과를 겪어요` +
    (d.snat ? ` (${d.peer}는 파드가 보는 주소예요: 연결을 전달한 노드가 클라이언트 주소를 바꿨어요, SNAT)` : ''),
  'dns-blocked-by-network-policy': ({ pod, detail: d }) =>
    `${policyNames(d.policies)}가 파드 ${pod}를 ${d.direction === 'ingress' ? '인그레스' : '이그레스'}에 대해 격리하는데, 포트 53/UDP로 ${d.direction === 'egress' ? 'CoreDNS 파드로 가는 이그레스' : '조회'}를 허용하는 정책이 없어서 "${d.name}"을 풀 수 없어요 (DNS 질의가 시간 초과돼요). kube-system의 k8s-app=kube-dns 파드로 포트 53(UDP와 TCP)의 ${d.direction === 'egress' ? '이그레스' : '인그레스'}를 허용하세요`,
  'pod-accepts': ({ pod, node, detail: d }) =>
    d.assumed
      ? `${node}의 파드 ${pod}(${d.ip})가 포트 ${d.port}/${d.protocol}에서 연결을 받는다고 가정해요${d.body ? ` (응답: "${d.body}")` : ''}. 컨테이너 포트를 선언하지 않아서 무엇을 기다리는지 알 수 없어요`
      : `${node}의 파드 ${pod}(${d.ip})가 포트 ${d.port}/${d.protocol}에서 연결을 받아요${ACCEPTS_BASIS[d.basis]}${d.body ? ` (응답: "${d.body}")` : ''}`,
  'pod-not-listening': ({ pod, node, detail: d }) =>
    d.assumed
      ? `${node}의 파드 ${pod}(${d.ip})는 컨테이너 포트 ${d.port}/${d.protocol}를 선언하지 않았어요 (선언한 포트: ${portList(d.declared)}). svclab은 거기서 기다리는 것이 없다고 보고, 파드가 연결을 끊어요`
      : `${node}의 파드 ${pod}(${d.ip})는 ${d.port}/${d.protocol}에서 기다리지 않아요 (svclab.io/listens 애너테이션: ${portList(d.declared) || '없음'}). 파드가 연결을 끊어요`,
  'answered-by-pod': (s) => `파드 ${s.pod}(${s.endpoint})가 응답했어요${s.detail.assumed ? `. 가정: ${assumedOpen(s.detail.port, s.detail.protocol)}` : ''}`,
  'refused-by-pod': (s) => {
    const d = s.detail;
    if (!d.assumed) return `파드 ${s.pod}가 연결을 거부했어요: ${REFUSED_HOW[d.via](s)}, 파드는 ${portList(d.declared) || '아무 포트도'}에서만 기다려요 (svclab.io/listens 애너테이션)${REFUSED_FIX[d.via]}`;
    return (
      `파드 ${s.pod}가 연결을 거부했어요 (가정): ${REFUSED_HOW[d.via](s)}, 컨테이너가 선언한 포트는 ${portList(d.declared)}뿐이에요. ` +
      `containerPort는 정보용이라서 앱이 ${d.port}/${d.protocol}에서 기다릴 수도 있지만, svclab은 아니라고 가정해요${REFUSED_FIX[d.via]}. ` +
      `앱이 정말 그 포트에서 기다린다면 포트를 선언하거나, 파드 템플릿 애너테이션 svclab.io/listens: "${listensValue(d.declared, d.port, d.protocol)}"로 알려 주세요`
    );
  },
  'api-server-accepts': (s) => `${s.node}의 kube-apiserver(${s.endpoint})가 연결을 받아요`,
  'answered-by-api-server': (s) => `${s.node}의 API 서버(${s.endpoint})가 응답했어요`,
  'node-not-listening': (s) => `노드 ${s.node}(${s.detail.ip})의 포트 ${s.detail.port}/${s.detail.protocol}에서 기다리는 것이 없어요`,
  'endpoint-without-pod': (s) => `엔드포인트 ${s.endpoint}는 파드 CIDR 안에 있지만 그 IP를 가진 파드가 없어요`,
  'outside-cluster': (s) => `${s.detail.ip}는 클러스터 밖에 있어요`,
  'answered-outside': (s) => `연결이 클러스터를 떠나 ${s.endpoint}로 가요. svclab은 클러스터 밖의 호스트를 모델링하지 않아서 응답한 것으로 셈해요`,
};
