/** The nodes the fast YAML path builds: values as `yaml`'s toJS() gives them, with source ranges. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export type FastNode = FastMap | FastSeq | FastScalar;

export interface FastMap {
  kind: 'map';
  /** The JS value, built while parsing (as `yaml`'s toJS() would give it). */
  value: Record<string, unknown>;
  start: number;
  end: number;
  keys: string[];
  keyStarts: number[];
  keyEnds: number[];
  values: FastNode[];
}

export interface FastSeq {
  kind: 'seq';
  value: unknown[];
  start: number;
  end: number;
  items: FastNode[];
}

export interface FastScalar {
  kind: 'scalar';
  start: number;
  end: number;
  style: ScalarStyle;
  /** The scalar's text as written (without quotes), for YAML 1.1 hazard checks. */
  source: string;
  value: unknown;
}

export interface FastDocument {
  root: FastNode;
  value: unknown;
  /** Offset of the document start (first content, or the `---` line). */
  start: number;
}
