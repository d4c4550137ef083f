/** Shared result types: the public shapes every stage and reporter agrees on. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 1-based line and column of a node in a source file. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One lint finding. Its JSON form is a public contract (see README "Output formats"). */
export interface Finding extends SourceRange {
  ruleId: string;
  /** Which of the rule's messages (`meta.messages`) the texts were made from: stable, for tools that group or translate. */
  messageId: string;
  severity: Severity;
  message: string;
  hint: string;
  file: string;
  object: ObjectRef | null;
  /** Field path like `spec.ports[0].nodePort`; empty for the whole document. */
  path: string;
  related: RelatedLocation[];
  /**
   * The sets (see `LintSetSummary`) in which the finding holds; present only when a run lints
   * more than one set (alternative kustomize overlays).
   */
  sets?: string[];
}

/** One set of a run: objects that would share one cluster (README "Kustomize"). */
export interface LintSetSummary {
  /** The kustomization folders it builds, joined with ` + `; `loose files` when none. */
  name: string;
  kustomizations: string[];
  /** Files that no kustomization reads, linted with every set. */
  looseFiles: string[];
  objects: number;
  /** Built without a field that changes objects: its errors are reported as warnings. */
  incomplete: boolean;
}

export interface LintSummary {
  files: number;
  objects: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
  /** The sets that were linted, when the input holds a kustomization. */
  sets?: LintSetSummary[];
}

/** A path into a parsed value: keys and array indexes, as the YAML tree holds them. */
export type FieldPath = ReadonlyArray<string | number>;

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function refString(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
