/** Statements become hops (and reasons) here: the sentence is made once, from the data. */
import type { Hop, HopKind, RouteReason } from '../types';
import type { Statement } from './facts';
import { sentence } from './sentences';

/**
 * The statement's structured fields, in the order the JSON output shows them (every hop has the
 * same keys, so they share one object shape; fields a statement does not have stay undefined and
 * are left out of JSON).
 */
function facts(s: Statement): RouteReason {
  const { message, node, from, to, service, port, endpoint, pod, rule, reason, detail } = s;
  return { message, node, from, to, service, port, endpoint, pod, rule, reason, detail };
}

export function hop(kind: HopKind, s: Statement): Hop {
  return { kind, text: sentence(s), ...facts(s) };
}

/** Why an attempt ended: the statement as data, and its sentence. */
export function reasonOf(s: Statement): { reason: string; why: RouteReason } {
  return { reason: sentence(s), why: facts(s) };
}
