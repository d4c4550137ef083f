/**
 * Small manifests for the cross-object rule tests, laid out so that line numbers are easy to
 * count: `workload` is 14 lines plus its port lines, `service` 7 lines plus its port lines.
 */
export const workload = (name: string, labels: string, portLines: string[], extra: { kind?: string; containerName?: string } = {}) => `apiVersion: apps/v1
kind: ${extra.kind ?? 'Deployment'}
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
      - name: ${extra.containerName ?? name}
        image: example/${name}:1.0
${portLines.length ? `        ports:\n${portLines.map((l) => `        ${l}`).join('\n')}\n` : ''}`;

export const service = (name: string, selector: string, portLines: string[]) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {${selector}}
  ports:
${portLines.map((l) => `  ${l}`).join('\n')}
`;
