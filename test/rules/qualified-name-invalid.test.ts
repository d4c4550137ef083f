// IsQualifiedName on loadBalancerClass (validateLoadBalancerClassField) and appProtocol
// (validateServicePort, validateEndpointPort, discovery validatePorts).
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('qualified-name-invalid', {
  valid: [
    service('lb', '  type: LoadBalancer\n  loadBalancerClass: example.com/internal-vip\n  ports: [ { port: 80, appProtocol: kubernetes.io/h2c } ]'),
    service('web', '  ports: [ { name: web, port: 80, appProtocol: http }, { name: g, port: 81, appProtocol: Example.com_Proto } ]'),
    // On another type the class is loadbalancer-field-not-allowed's finding, not this rule's.
    service('np', '  type: NodePort\n  loadBalancerClass: "bad class"\n  ports: [ { port: 80 } ]'),
  ],
  invalid: [
    {
      code: service('lb', '  type: LoadBalancer\n  loadBalancerClass: "internal vip"\n  ports: [ { port: 80 } ]'),
      errors: [{ line: 7, column: 22, path: 'spec.loadBalancerClass', message: 'loadBalancerClass `internal vip` has a name part `internal vip` that has a space' }],
    },
    {
      code: service('web', '  ports: [ { port: 80, appProtocol: "h2c/plain/text" } ]'),
      errors: [{ path: 'spec.ports[0].appProtocol', message: 'appProtocol `h2c/plain/text` has more than one `/`' }],
    },
    { code: service('web', '  ports: [ { port: 80, appProtocol: "Example.com/h2c" } ]'), errors: [{ message: /prefix `Example.com` that has uppercase letters/ }] },
    { code: service('web', '  ports: [ { port: 80, appProtocol: "http-" } ]'), errors: [{ message: /must start and end with a letter or digit/ }] },
    {
      code: 'apiVersion: v1\nkind: Endpoints\nmetadata: { name: db }\nsubsets:\n- addresses: [ { ip: 10.0.0.5 } ]\n  ports: [ { port: 5432, appProtocol: "postgres sql" } ]\n',
      errors: [{ line: 6, column: 39, path: 'subsets[0].ports[0].appProtocol' }],
    },
    {
      code: 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, labels: { kubernetes.io/service-name: db } }\naddressType: IPv4\nports: [ { port: 5432, appProtocol: "a/b/c" } ]\nendpoints: [ { addresses: [ 10.0.0.5 ] } ]\n',
      errors: [{ path: 'ports[0].appProtocol' }],
    },
  ],
});
