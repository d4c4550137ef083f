import type { Manifest } from '../parse/manifest';
import type { FieldPath, Severity } from '../types';
import type { LintContextData } from './context';

export type RuleCategory = 'input' | 'workload' | 'service' | 'cross-object';

export interface RuleMessage {
  /** Text with `{{placeholders}}`, written for someone learning Kubernetes. */
  readonly message: string;
  /** How to fix it (kept apart from the message, as kube-linter keeps `remediation`). */
  readonly hint: string;
}

/** A rule's messages by id (`messageId`): the only texts its findings can carry. */
export type RuleMessages = Readonly<Record<string, RuleMessage>>;

/** A value a placeholder is replaced with. */
export type MessageValue = string | number;

type Trim<S extends string> = S extends ` ${infer T}` ? Trim<T> : S extends `${infer T} ` ? Trim<T> : S;

/** `S` if it can name a placeholder (a word that starts with a letter or `_`, as `interpolate` reads them), else never. */
type PlaceholderName<S extends string> = S extends `${string} ${string}` ? never : S extends `${infer First}${string}` ? (Uppercase<First> extends Lowercase<First> ? (First extends '_' ? S : never) : S) : never;

/**
 * The names of the `{{placeholders}}` in a literal template: `'{{a}} and {{ b }}'` gives
 * `'a' | 'b'`. Braces around anything else (`{{ ... }}`) are text.
 */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? PlaceholderName<Trim<Name>> | Placeholders<Rest> : never;

type PlaceholdersOf<T extends RuleMessage> = Placeholders<T['message'] | T['hint']>;

/**
 * The data a message needs: one value for each placeholder of its message and hint. A message
 * whose texts are plain `string`s (a rule seen through the general `Rule` type) takes any data.
 * (The `string extends` test is written out, not named: behind an alias TypeScript measures
 * `RuleContext` as invariant, and a typed rule would no longer be a `Rule`.)
 */
export type MessageData<T extends RuleMessage> = string extends T['message'] | T['hint'] ? Readonly<Record<string, MessageValue>> : { readonly [K in PlaceholdersOf<T>]: MessageValue };

/** `D`, where every key the message has no placeholder for is a type error. */
type Exactly<D, Shape> = D & { readonly [K in Exclude<keyof D, keyof Shape>]: never };

/**
 * The `data` of a report: absent for a message without placeholders, otherwise exactly its
 * placeholders (a missing one and an extra one are both compile errors).
 */
type DataOf<T extends RuleMessage, D> = string extends T['message'] | T['hint']
  ? { data?: Readonly<Record<string, MessageValue>> }
  : [PlaceholdersOf<T>] extends [never]
    ? { data?: undefined }
    : { data: Exactly<D, MessageData<T>> };

export type MessageId<M extends RuleMessages> = keyof M & string;

export interface RuleMeta<M extends RuleMessages = RuleMessages, Id extends string = string> {
  /** Kebab-case id: also the name of the rule's file, doc page and test. Public contract. */
  id: Id;
  severity: Severity;
  /** One line, for `svclab rules` and SARIF `shortDescription`. */
  description: string;
  category: RuleCategory;
  messages: M;
  /**
   * `object`: the rule looks at one object at a time, so it may run file by file in a worker
   * thread. `cluster` (the default, the safe choice): it compares objects and must see them all.
   */
  scope?: 'object' | 'cluster';
}

export interface RelatedReport {
  manifest: Manifest;
  path: FieldPath;
  message: string;
}

interface ReportLocation {
  manifest: Manifest;
  /** Field path inside the object, e.g. `['spec', 'ports', 0, 'nodePort']`. */
  path: FieldPath;
  /** Point at the key of the last path segment instead of its value (e.g. unknown fields). */
  atKey?: boolean;
  related?: RelatedReport[];
  /** Overrides the severity for this one report (e.g. warning instead of error for a softer variant). */
  severity?: Severity;
}

/**
 * One of a rule's messages and its data: what a finding's message and hint are made from.
 * With the defaults it is the unchecked form (any id, any data) the engine handles.
 */
export type MessageRef<M extends RuleMessages = RuleMessages, Id extends MessageId<M> = MessageId<M>, D = MessageData<M[Id]>> = {
  messageId: Id;
} & DataOf<M[Id], D>;

/** Any one of a rule's messages with its data (a union by `messageId`), for code that picks the message at run time. */
export type MessageOf<M extends RuleMessages> = { [Id in MessageId<M>]: MessageRef<M, Id> }[MessageId<M>];

/**
 * What a rule reports: a message with its data, and where. With the defaults (`RuleReport`) it
 * is the unchecked form the engine and the schema stage handle.
 */
export type RuleReport<M extends RuleMessages = RuleMessages, Id extends MessageId<M> = MessageId<M>, D = MessageData<M[Id]>> = ReportLocation & MessageRef<M, Id, D>;

export interface RuleContext<M extends RuleMessages = RuleMessages> extends LintContextData {
  report<Id extends MessageId<M>, D extends MessageData<M[Id]>>(report: RuleReport<M, Id, D>): void;
}

/**
 * A lint rule: metadata plus `check`. Rules reported by an earlier stage (parse, schema) have
 * no `check`; their meta still documents them and holds their messages.
 */
export interface Rule<M extends RuleMessages = RuleMessages, Id extends string = string> {
  meta: RuleMeta<M, Id>;
  check?: (ctx: RuleContext<M>) => void;
}

/**
 * Declares a rule, as typescript-eslint's `RuleCreator` does: the literal messages are kept
 * (`const`), so `ctx.report` accepts only this rule's message ids, each with exactly the data
 * its `{{placeholders}}` need; and the literal id lets the generated registry check that it
 * equals the file name.
 */
export function defineRule<const M extends RuleMessages, const Id extends string>(rule: Rule<M, Id>): Rule<M, Id> {
  return rule;
}

/**
 * Messages declared apart from `defineRule`, for a rule whose helper functions take its
 * context: `type Context = RuleContext<typeof messages>`.
 */
export function defineMessages<const M extends RuleMessages>(messages: M): M {
  return messages;
}

/**
 * The generated registry's rules, keyed by file name (src/rules/registry.generated.ts): a rule
 * whose `meta.id` is not its key is a compile error, so `npm run build` fails on it.
 */
export function rulesByFileName<const T extends { readonly [File in keyof T]: Rule<RuleMessages, File & string> }>(rules: T): T {
  return rules;
}
