/**
 * The expectation kinds of a scenario, in one table: `expect.<kind>` -> how one expectation of
 * that kind is evaluated, and the jest matchers the kind offers for tests written by hand. The
 * runner checks an `expect:` by going through this table in its order; `svclab/jest` gathers the
 * matchers from it. A kind's results carry everything reporters print (message, mismatches,
 * truth table, explanation, seed), so reporters need no list of kinds.
 *
 * Adding a kind: its spec type in ./spec/ (the scenario schema is generated from it), its
 * evaluator file (./expect-KIND.ts, built on `makeResult`), and an entry here.
 */
import type { FieldPath } from '../types';
import type { EvalContext, MatcherResult } from './context';
import { evaluateDns, toResolveTo } from './expect-dns';
import { evaluateEndpoints } from './expect-endpoints';
import { evaluateGet } from './expect-get';
import { evaluateLint, toHaveFinding } from './expect-lint';
import { evaluateMatrix } from './expect-matrix';
import { evaluateReachability } from './expect-reachability';
import { evaluateHttp } from './expect-http';
import { evaluateObject } from './expect-objects';
import { evaluateRoute, toRouteTo } from './expect-routes';
import type { ExpectationResult } from './result';
import type { ExpectSpec } from './spec';

/** A jest matcher: the value under test, then the matcher's own arguments. */
export type Matcher = (received: never, ...args: never[]) => MatcherResult;

export interface ExpectationDefinition<S> {
  /** Evaluates one expectation, written at `at` in scenario.yaml (`expect.routes[2]`, `steps[0].expect.lint`). */
  evaluate(ctx: EvalContext, spec: S, at: FieldPath): ExpectationResult;
  /** Matchers for `expect.extend()`, by name. */
  matchers?: Readonly<Record<string, Matcher>>;
}

export type ExpectationKey = keyof ExpectSpec;
/** One expectation of a kind: the item of a list (`routes: [...]`), or the kind's one object (`lint: {...}`). */
type SpecOf<K extends ExpectationKey> = NonNullable<ExpectSpec[K]> extends ReadonlyArray<infer Item> ? Item : NonNullable<ExpectSpec[K]>;
type Table = { [K in ExpectationKey]: ExpectationDefinition<SpecOf<K>> };

/** The table with each entry's own type (its matchers' signatures, which `svclab/jest` declares to TypeScript). */
export const EXPECTATION_DEFINITIONS = {
  lint: { evaluate: evaluateLint, matchers: { toHaveFinding } },
  objects: { evaluate: evaluateObject },
  endpoints: { evaluate: evaluateEndpoints },
  routes: { evaluate: evaluateRoute, matchers: { toRouteTo } },
  dns: { evaluate: evaluateDns, matchers: { toResolveTo } },
  matrix: { evaluate: evaluateMatrix },
  reachability: { evaluate: evaluateReachability },
  http: { evaluate: evaluateHttp },
  get: { evaluate: evaluateGet },
} as const satisfies Table;

export const EXPECTATIONS: Table = EXPECTATION_DEFINITIONS;

/** The expectations of one kind: a list of them (`routes: [...]`), or the kind's one object (`lint: {...}`). */
function evaluateKind<K extends ExpectationKey>(ctx: EvalContext, kind: K, value: SpecOf<K> | ReadonlyArray<SpecOf<K>> | undefined): ExpectationResult[] {
  if (value === undefined) return [];
  const definition: ExpectationDefinition<SpecOf<K>> = EXPECTATIONS[kind];
  const at: FieldPath = [...ctx.base, kind];
  return isList(value) ? value.map((spec, i) => definition.evaluate(ctx, spec, [...at, i])) : [definition.evaluate(ctx, value, at)];
}

const isList = <T>(v: T | ReadonlyArray<T>): v is ReadonlyArray<T> => Array.isArray(v);

/** Every expectation of one `expect:`, kind by kind in the table's order, each list in its own order. */
export function evaluateExpectations(ctx: EvalContext, expect: ExpectSpec): ExpectationResult[] {
  return (Object.keys(EXPECTATIONS) as ExpectationKey[]).flatMap((kind) => evaluateKind(ctx, kind, expect[kind]));
}
