/**
 * A Deployment whose pod has the given containers, laid out so that line numbers are easy to
 * count: the first container starts on line 13, each container line adds one.
 */
export const podWith = (containers: string, specExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:${specExtra ? `\n      ${specExtra}` : ''}
      containers:
${containers}
`;
