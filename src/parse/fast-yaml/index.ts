/**
 * A fast path for the YAML that Kubernetes manifests are made of: block mappings and
 * sequences, plain/quoted scalars, literal and simple folded block scalars, comments, one-line
 * flow collections, `---` documents. It records the source range of every node.
 *
 * Why: parsing dominates lint time, and `yaml`'s general parser spends most of it on features
 * manifests rarely use. Anything outside the subset above (anchors, aliases, tags, multi-line
 * plain or quoted scalars, complex keys, tabs, CR line ends, duplicate keys, directives,
 * syntax errors...) makes `fastParse` return null, and the caller uses `yaml` for the file.
 * Values must equal `yaml`'s `toJS()` with the YAML 1.2 core schema; test/parse/fast-yaml
 * checks that differentially.
 */
import { FastParser } from './block';
import { Bail } from './scalars';
import type { FastDocument } from './nodes';

export type { FastDocument, FastMap, FastNode, FastScalar, FastSeq, ScalarStyle } from './nodes';
export { resolvePlain } from './scalars';

/**
 * Parses `text` when it stays inside the fast subset; null means "use `yaml`".
 * Never throws for bad input.
 */
export function fastParse(text: string): FastDocument[] | null {
  if (text.includes('\t') || text.includes('\r')) return null;
  try {
    return new FastParser(text).parseAll();
  } catch (err) {
    if (err instanceof Bail || err instanceof RangeError) return null;
    throw err;
  }
}
