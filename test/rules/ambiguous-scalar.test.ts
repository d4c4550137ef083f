import { ruleTester } from '../helpers';
import { yaml11Reading } from '../../src/rules/ambiguous-scalar';

const pod = (containerLines: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
${containerLines}
`;

ruleTester('ambiguous-scalar', {
  valid: [
    // Quoted values are strings in every YAML version.
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  labels: { enabled: "yes", mode: '0755' }\ndata:\n  debug: "on"\n  port: "8080"\n`,
    pod('    env:\n    - { name: MODE, value: "off" }\n    - { name: NAME, value: web }\n    args: ["--port", "8080", --verbose]'),
    // Text that only looks like numbers to a human: versions, times of day (go-yaml v2 keeps these strings), IPs.
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { version: 1.2.3, date: 2024-01-02, ip: 10.0.0.1, ratio: 1:2:x, yess: yess }\n`,
    // Block scalars are strings.
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  script: |\n    yes\n`,
    // Fields outside the string fields this rule knows (replicas is a number on purpose).
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 3\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [ { name: web, image: nginx } ] }\n`,
  ],
  invalid: [
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  labels:\n    enabled: on\ndata:\n  mode: 0755\n  limit: 1e3\n`,
      errors: [
        { line: 6, column: 14, path: 'metadata.labels.enabled', severity: 'warning', object: 'ConfigMap/default/flags', message: 'unquoted `on` in a label value (`enabled`) is the boolean true in YAML 1.1, which kubectl uses' },
        { line: 8, column: 9, path: 'data.mode', message: 'unquoted `0755` in ConfigMap data (`mode`) is the number 493 (octal, because of the leading 0) in YAML 1.1' },
        { line: 9, column: 10, path: 'data.limit', message: 'is the number 1000 in YAML 1.1' },
      ],
    },
    {
      code: pod('    env:\n    - name: FEATURE\n      value: No\n    - { name: MASK, value: 0x1F }\n    command: [run, y]\n    args: [--size, 1_000, .5]'),
      errors: [
        { line: 11, column: 14, path: 'spec.containers[0].env[0].value', message: 'unquoted `No` in an env value is the boolean false' },
        { line: 12, column: 28, path: 'spec.containers[0].env[1].value', message: 'the number 31 (hexadecimal)' },
        { line: 13, column: 20, path: 'spec.containers[0].command[1]', message: 'unquoted `y` in a command item is the boolean true' },
        { line: 14, column: 20, path: 'spec.containers[0].args[1]', message: 'the number 1000 (with the `_` separators removed)' },
        { line: 14, column: 27, path: 'spec.containers[0].args[2]', message: 'unquoted `.5` in an args item is the number 0.5' },
      ],
    },
    {
      // Pod template annotations and selector values of a workload.
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { canary: off } }\n  template:\n    metadata:\n      labels: { canary: off }\n      annotations: { prometheus.io/scrape: true }\n    spec: { containers: [ { name: web, image: nginx } ] }\n`,
      errors: [
        { line: 5, column: 38, path: 'spec.selector.matchLabels.canary', message: 'a selector value' },
        { line: 8, column: 25, path: 'spec.template.metadata.labels.canary', message: 'a pod template label value' },
        { line: 9, column: 44, path: 'spec.template.metadata.annotations["prometheus.io/scrape"]', message: 'unquoted `true` in a pod template annotation value (`prometheus.io/scrape`) is the boolean true' },
      ],
    },
    {
      // Base-60 numbers: kubectl (go-yaml v2) keeps them strings, so only an info about other YAML 1.1 tools.
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { backup: 12:30 }\n`,
      errors: [{ line: 4, column: 17, severity: 'info', message: 'unquoted `12:30` in ConfigMap data (`backup`) is the base-60 number 750 under YAML 1.1; kubectl keeps it as the string "12:30"' }],
    },
  ],
});

describe('yaml11Reading follows go-yaml v2 resolve() (what kubectl reads)', () => {
  test.each([
    ['yes', 'boolean', 'true'], ['Y', 'boolean', 'true'], ['ON', 'boolean', 'true'], ['off', 'boolean', 'false'], ['FALSE', 'boolean', 'false'],
    ['0755', 'number', '493'], ['0o17', 'number', '15'], ['0x1F', 'number', '31'], ['0b101', 'number', '5'], ['-0b11', 'number', '-3'],
    ['1_000', 'number', '1000'], ['1e3', 'number', '1000'], ['+12', 'number', '12'], ['.5', 'number', '0.5'], ['09', 'number', '9'],
    ['.inf', 'number', 'infinity'], ['12:30', 'sexagesimal', '750'], ['1:20:00', 'sexagesimal', '4800'],
  ])('%s reads as %s %s', (text, type, value) => {
    expect(yaml11Reading(text)).toMatchObject({ type, value });
  });

  test.each(['yEs', 'web', '1.2.3', '10.0.0.1', '2024-01-02', 'v1', '_1', '0x', '1e', '', 'null', '~'])('%s stays a string (or null)', (text) => {
    expect(yaml11Reading(text)).toBeUndefined();
  });
});
