// GatewayClass acceptance (gateway-api apis/v1 gatewayclass_types.go GatewayClassConditionStatusAccepted,
// the CRDs' default status "Waiting for controller"), with the cluster's gateway controllers
// from the Cluster object (spec.gatewayControllers) or the lint options (a scenario's cluster:).
import { findingsOf, ruleTester } from '../helpers';
import { analyze } from '../../src/index';

const CLUSTER = (list: string) => `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: {name: lab}
spec: {gatewayControllers: ${list}}
---
`;
const CLASS = (name: string, controller: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: ${name}}
spec: {controllerName: ${controller}}
---
`;
const GW = (cls: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: ${cls}
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;

ruleTester('gateway-class-unaccepted', {
  valid: [
    // Without gatewayControllers every GatewayClass of the input is accepted.
    CLASS('gc', 'example.net/gw') + GW('gc'),
    CLUSTER('[example.net/gw]') + CLASS('gc', 'example.net/gw') + GW('gc'),
    CLUSTER('[a.example/x, example.net/gw]') + CLASS('gc', 'example.net/gw') + GW('gc'),
  ],
  invalid: [
    {
      code: CLUSTER('[example.com/other]') + CLASS('gc', 'example.net/gw') + GW('gc'),
      errors: [{ severity: 'error', path: 'spec.gatewayClassName', object: 'Gateway/default/gw', message: 'GatewayClass "gc" belongs to controller example.net/gw, which this cluster does not run (Cluster spec.gatewayControllers: example.com/other)' }],
    },
    {
      code: CLUSTER('[]') + CLASS('gc', 'example.net/gw') + GW('gc'),
      errors: [{ message: '(Cluster spec.gatewayControllers: none)' }],
    },
    { code: CLASS('gc', 'example.net/gw') + GW('missing'), errors: [{ severity: 'warning', message: 'gatewayClassName "missing" names no GatewayClass (classes: gc)' }] },
  ],
});

describe('gateway-class-unaccepted follows the cluster given from outside the input', () => {
  const text = CLASS('gc', 'example.net/gw') + GW('gc');
  const ids = (t: string, o: object) => findingsOf(t, 'gateway-class-unaccepted', o).map((f) => f.ruleId);
  it('lint options (a scenario cluster:, --cluster FILE) name the controllers', () => {
    expect(ids(text, {})).toEqual([]);
    expect(ids(text, { gatewayControllers: ['example.com/other'] })).toEqual(['gateway-class-unaccepted']);
    expect(ids(text, { gatewayControllers: ['example.net/gw'] })).toEqual([]);
  });
  it('the options win over a Cluster object among the manifests', () => {
    expect(ids(CLUSTER('[example.com/other]') + text, { gatewayControllers: ['example.net/gw'] })).toEqual([]);
  });
  it('analyze() lints against the cluster it simulates: the finding and the unaccepted class agree', () => {
    const a = analyze([{ path: 'gw.yaml', absPath: null, text }], { cluster: { gatewayControllers: ['example.com/other'] } });
    expect(a.lint.findings.filter((f) => f.ruleId === 'gateway-class-unaccepted')).toHaveLength(1);
    expect(a.cluster.services.some((s) => s.namespace === 'gateway-system')).toBe(false);
  });
});
