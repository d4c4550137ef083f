/** The nodes the fast YAML path builds: values as `yaml`'s toJS() gives them, with source ranges. */
/** `yaml`'s default maxAliasCount, which the parse stage passes to toJS() as well: both readers decline more aliases of one anchor. */
export const MAX_ALIASES_PER_ANCHOR = 1000;
/** Both readers decline implicit keys longer than this (`yaml` rejects them past 1024 characters from key start to `:`). */
export const MAX_KEY_LENGTH = 1000;

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export type FastNode = FastMap | FastSeq | FastScalar | FastAlias;

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
  /** The scalar's text before type resolution (without quotes, lines folded), for YAML 1.1 hazard checks. */
  source: string;
  value: unknown;
}

/** `*name`: its value is the anchored node's value (the same object, as in `yaml`'s toJS()). */
export interface FastAlias {
  kind: 'alias';
  start: number;
  end: number;
  value: unknown;
}

export interface FastDocument {
  root: FastNode;
  value: unknown;
  /** Offset of the document's first content. */
  start: number;
}

/**
 * The keys of a document whose root is a block mapping with every key at the start of its line,
 * and the file offset where each begins: the text from one key to the next is that entry alone,
 * so a position inside it is found by parsing that text again, not the whole document.
 */
export interface RootKeys {
  names: string[];
  starts: number[];
  /**
   * File offsets of `metadata.name`'s key and of its value (a non-empty scalar, as its node's
   * range would be): the position most findings name, found without parsing anything again.
   */
  name?: { keyStart: number; keyEnd: number; start: number; end: number };
}
