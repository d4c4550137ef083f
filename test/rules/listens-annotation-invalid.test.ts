import { parseListens } from '../../src/model/listens';
import { simulate } from '../../src/index';
import { ruleTester } from '../helpers';

const web = (listens: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations: { svclab.io/listens: "${listens}" }
    spec:
      containers: [ { name: web, image: nginx, ports: [ { containerPort: 80 } ] } ]
`;

ruleTester('listens-annotation-invalid', {
  valid: [
    web('80,9090'),
    web('8080/TCP, 53/udp, 9000/SCTP'),
    // Nothing listens (a batch pod): an empty list is a list.
    web(''),
    // Without the annotation there is nothing to read.
    web('80').replace('      annotations: { svclab.io/listens: "80" }\n', ''),
  ],
  invalid: [
    {
      code: web('http,metrics'),
      errors: [{
        line: 9, path: 'spec.template.metadata.annotations["svclab.io/listens"]', severity: 'warning', object: 'Deployment/default/web',
        message: 'svclab.io/listens "http,metrics" on the pod template of Deployment/default/web cannot be read: "http" is not a port number from 1 to 65535; svclab ignores the annotation and goes by the declared containerPorts',
      }],
    },
    { code: web('80,70000'), errors: [{ message: '"70000" is not a port number from 1 to 65535' }] },
    { code: web('53/QUIC'), errors: [{ message: '"53/QUIC" names protocol QUIC; use TCP, UDP or SCTP' }] },
    {
      // A bare Pod is its own template.
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: { svclab.io/listens: "0" }\nspec:\n  containers: [ { name: c, image: nginx } ]\n`,
      errors: [{ line: 5, path: 'metadata.annotations["svclab.io/listens"]' }],
    },
  ],
});

describe('parseListens (model/listens.ts)', () => {
  test.each([
    ['80,9090', [{ port: 80, protocol: 'TCP' }, { port: 9090, protocol: 'TCP' }]],
    [' 80 , 80/tcp, 53/UDP ', [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]],
    ['', []],
  ])('%j', (value, ports) => {
    expect(parseListens(value)).toEqual({ ports });
  });

  test('an unreadable annotation is ignored by the simulator too: the declared containerPort counts', () => {
    const cluster = simulate(`${web('http')}---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [ { port: 80 } ] }\n`);
    expect(cluster.route({ from: 'pod', to: 'web:80' }).results[0]).toMatchObject({ outcome: 'ok', assumed: false });
  });
});
