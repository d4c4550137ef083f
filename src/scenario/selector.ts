/** Equality-based label selection, as a Service selector works (every key must match). */
export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}
