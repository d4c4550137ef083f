import type { LintResult, ObjectRef } from '../types';
import { refString } from '../types';

/** An object that was linted, whether or not it has findings (junit lists passing objects too). */
export interface LintedObject {
  file: string;
  ref: ObjectRef;
}

/**
 * What the formatters receive: the public result plus, optionally, everything that was linted.
 * Without `files`/`objects` a formatter only knows what has findings; that is enough for all
 * formats but junit, which then reports no passing test cases.
 */
export interface LintReportInput extends LintResult {
  /** Every input file, as shown in findings. */
  files?: string[];
  /** Every object that was linted. */
  objects?: LintedObject[];
}

/** Objects identify a test case or a fingerprint: `Kind/ns/name`, or the kind alone when unnamed. */
export function objectLabel(ref: ObjectRef): string {
  return ref.name === '' ? `${ref.kind} (unnamed)` : refString(ref);
}
