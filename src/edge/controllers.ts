/**
 * The edge controllers of the simulated cluster, as ordinary pods behind LoadBalancer Services
 * (not hostNetwork), so that a request from outside takes the same route as any other:
 * client -> load balancer address -> kube-proxy -> controller pod.
 *
 * - ingress-nginx (its `deploy/static/provider/cloud` manifest, reduced): Deployment and Service
 *   `ingress-nginx-controller` in namespace `ingress-nginx`, ports 80 and 443; always present
 *   unless the Cluster object turns it off (`ingressController: none`); its own default class
 *   `nginx` exists unless the input defines IngressClasses (ingress.ts effectiveClasses).
 * - A gateway implementation: one Deployment and LoadBalancer Service per Gateway of an
 *   accepted class (every GatewayClass, or those whose controllerName the Cluster object's
 *   `gatewayControllers` lists), in namespace `gateway-system`, listening on the Gateway's listener ports
 *   (as Envoy Gateway and Istio provision a proxy per Gateway), so each Gateway has its own address.
 *
 * Addresses: from the Cluster's load-balancer pool when it has one; without a provider a real
 * kind cluster leaves them `<pending>`, so svclab gives each an externalIP from TEST-NET-2
 * (198.51.100.0/24, RFC 5737): 198.51.100.10 for ingress-nginx, .20 onwards for the Gateways.
 */
import type { ClusterConfig, ClusterState, SimService } from '../sim/types';
import type { Model } from '../model/types';
import { edgeModel, type GatewayT } from '../model/edge';
import { classAccepted } from './gateway';
import { nginxRuns } from './ingress';

export const NGINX_NAMESPACE = 'ingress-nginx';
export const NGINX_NAME = 'ingress-nginx-controller';
export const GATEWAY_NAMESPACE = 'gateway-system';
const EDGE_NET = '198.51.100.';

/** The Deployment and Service name of a Gateway's proxy. */
export function gatewayProxyName(gw: { namespace: string; name: string }): string {
  return `gw-${gw.namespace}-${gw.name}`.slice(0, 60).replace(/-+$/, '');
}

/** The GatewayClass controllerNames the Cluster runs (undefined: accept every class). */
export function gatewayControllers(config: Pick<ClusterConfig, 'gatewayControllers'>): readonly string[] | undefined {
  return config.gatewayControllers;
}

/** Does the cluster run the ingress-nginx controller? (the Cluster's switch and the input's IngressClasses) */
export function ingressControllerRuns(config: Pick<ClusterConfig, 'ingressController'>): boolean {
  return nginxRuns(config.ingressController);
}

function addressing(config: ClusterConfig, i: number): string {
  return config.loadBalancer.provider === 'pool' ? '' : `  externalIPs: [ "${EDGE_NET}${i}" ]\n`;
}

function deployment(ns: string, name: string, labels: string, image: string, ports: number[]): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 1
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: proxy
        image: ${image}
        ports:
${ports.map((p) => `        - containerPort: ${p}\n          protocol: TCP\n`).join('')}`;
}

function service(ns: string, name: string, labels: string, ports: number[], config: ClusterConfig, i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: LoadBalancer
  selector: ${labels}
${addressing(config, i)}  ports:
${ports.map((p) => `  - name: p${p}\n    port: ${p}\n    targetPort: ${p}\n    protocol: TCP\n`).join('')}`;
}

/** Gateways that get a proxy: those of an accepted class with at least one valid port, in input order. */
export function provisionedGateways(model: Model, config: ClusterConfig): GatewayT[] {
  const edge = edgeModel(model);
  return edge.gateways.filter((g) => classAccepted(edge, g.className, gatewayControllers(config)) && g.listeners.some((l) => l.port >= 1 && l.port <= 65535));
}

/** The controllers' manifests for this input (empty when it has no Ingress and no Gateway). */
export function edgeManifests(config: ClusterConfig, model: Model): string {
  const docs: string[] = [];
  const edge = edgeModel(model);
  if (ingressControllerRuns(config)) {
    const labels = '{ app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller }';
    docs.push(deployment(NGINX_NAMESPACE, NGINX_NAME, labels, 'registry.k8s.io/ingress-nginx/controller:v1.12.0', [80, 443]));
    docs.push(service(NGINX_NAMESPACE, NGINX_NAME, labels, [80, 443], config, 10));
  }
  provisionedGateways(model, config).forEach((gw, i) => {
    const name = gatewayProxyName(gw);
    const labels = `{ gateway.networking.k8s.io/gateway-name: ${JSON.stringify(gw.name)}, svclab.io/gateway-namespace: ${JSON.stringify(gw.namespace)} }`;
    const ports = [...new Set(gw.listeners.map((l) => l.port).filter((p) => p >= 1 && p <= 65535))].sort((a, b) => a - b);
    docs.push(deployment(GATEWAY_NAMESPACE, name, labels, 'docker.io/envoyproxy/envoy:distroless-v1.33.0', ports));
    docs.push(service(GATEWAY_NAMESPACE, name, labels, ports, config, 20 + i));
  });
  return docs.join('---\n');
}

/** The address a controller's Service is reached at from outside: its load-balancer ingress, else its externalIP. */
export function serviceAddress(s: SimService | undefined): string | undefined {
  if (!s) return undefined;
  return s.loadBalancerIngress?.[0] ?? s.spec.externalIPs[0];
}

export function findService(cluster: ClusterState, ns: string, name: string): SimService | undefined {
  return cluster.services.find((s) => s.namespace === ns && s.name === name);
}
