// validateServicePort (validation.go): field.Duplicate on a repeated port name.
import { ruleTester, lintYaml } from '../helpers';
import { service } from './service-yaml';

const dup = service('web', '  ports:\n  - name: http\n    port: 80\n  - name: http\n    port: 8080');

ruleTester('service-port-name-duplicate', {
  valid: [service('web', '  ports:\n  - name: http\n    port: 80\n  - name: https\n    port: 443')],
  invalid: [
    { code: dup, errors: [{ line: 9, column: 11, path: 'spec.ports[1].name', message: 'port name "http" is used twice in Service web (ports[0] and ports[1])' }] },
  ],
});

test('service-port-name-duplicate links the first use', () => {
  const f = lintYaml(dup).findings.find((x) => x.ruleId === 'service-port-name-duplicate');
  expect(f?.related).toEqual([{ file: 'test.yaml', line: 7, column: 11, message: 'first use of port name "http"' }]);
});
