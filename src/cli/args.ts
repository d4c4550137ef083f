import { didYouMean } from '../util/did-you-mean';
import { MAX_POD_LIMIT } from '../sim/limits';

export interface FlagSpec {
  type: 'string' | 'boolean' | 'number';
  short?: string;
  /** May be given more than once; values are collected in order. */
  multiple?: boolean;
  description: string;
  valueName?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;
export type FlagValue = string | boolean | number | string[] | number[];

export interface ParsedArgs {
  flags: Record<string, FlagValue | undefined>;
  operands: string[];
}

export class UsageError extends Error {}

/** Parses `--name value`, `--name=value`, `-n value`, `--bool`, `--no-bool` and `--` (rest are operands). */
export function parseArgs(argv: string[], specs: FlagSpecs): ParsedArgs {
  const flags: Record<string, FlagValue | undefined> = {};
  const operands: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const short = arg.slice(1, 2);
      const long = byShort.get(short);
      if (!long) throw new UsageError(`unknown option ${arg}${suggest(arg, specs)}`);
      name = long;
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    let spec = specs[name];
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.type === 'boolean') {
      flags[name.slice(3)] = false;
      continue;
    }
    if (!spec) throw new UsageError(`unknown option --${name}${suggest(name, specs)}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined && !['true', 'false'].includes(inline)) throw new UsageError(`--${name} takes no value`);
      flags[name] = inline === undefined ? true : inline === 'true';
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}`);
      value = argv[++i];
    }
    let parsed: string | number = value;
    if (spec.type === 'number') {
      parsed = Number(value);
      if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${name} needs a number, got "${value}"`);
    }
    if (spec.multiple) {
      const list = (flags[name] as Array<string | number> | undefined) ?? [];
      list.push(parsed);
      flags[name] = list as string[] | number[];
    } else flags[name] = parsed;
  }
  return { flags, operands };
}

function suggest(name: string, specs: FlagSpecs): string {
  const bare = name.replace(/^-+/, '');
  const guess = didYouMean(bare, Object.keys(specs));
  return guess ? ` (did you mean --${guess}?)` : '';
}

export function str(v: FlagValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
export function strs(v: FlagValue | undefined): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}
export function numOf(v: FlagValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

export function formatHelp(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const left = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.type === 'boolean' ? '' : ` ${s.valueName ?? s.type.toUpperCase()}`}`;
    return [left, s.description + (s.multiple ? ' (repeatable)' : '')];
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`).join('\n');
}

/** `--max-pods N`: a whole number of at least 1, or undefined when not given. */
export function maxPodsFlag(v: FlagValue | undefined): number | undefined {
  const n = numOf(v);
  if (n !== undefined && (!Number.isSafeInteger(n) || n < 1 || n > MAX_POD_LIMIT)) throw new UsageError(`--max-pods needs a whole number from 1 to ${MAX_POD_LIMIT}, got ${n}`);
  return n;
}
