import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type LintFilesOptions } from '../lint';
import { LINT_FORMATS, LINT_FORMATTERS, reportInputFromRun } from '../report/lint-formats';
import { formatterFor } from '../report/formatter';
import type { SeveritySetting } from '../types';
import { formatHelp, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import { useColor, type CliIO } from './io';
import { isLintInput, writeReport } from './output';
import { DEFAULT_MAX_FILE_BYTES } from '../load/files';
import { loadConfig } from '../config/load';
import { RULES_BY_ID } from '../rules/index';
import { didYouMean } from '../util/did-you-mean';
import { LONG_RUN_CHARS } from '../util/v8-flags';

export const LINT_FLAGS: FlagSpecs = {
  format: { type: 'string', short: 'o', description: `output format: ${LINT_FORMATS.join('|')} (default stylish)`, valueName: 'FORMAT' },
  output: { type: 'string', description: 'write the report to FILE instead of stdout', valueName: 'FILE' },
  namespace: { type: 'string', short: 'n', description: 'namespace for objects that set none (default: default)', valueName: 'NS' },
  rule: { type: 'string', multiple: true, description: 'set a rule severity: id=off|info|warning|error', valueName: 'ID=SEVERITY' },
  'max-warnings': { type: 'number', description: 'fail (exit 1) when there are more than N warnings', valueName: 'N' },
  'ignore-pattern': { type: 'string', multiple: true, description: 'skip paths matching this gitignore-style pattern', valueName: 'PATTERN' },
  'schema-dir': { type: 'string', multiple: true, description: 'extra JSON schemas for custom resources (kubeconform names)', valueName: 'DIR' },
  config: { type: 'string', short: 'c', description: 'config file (default: svclab.config.yaml searched upward)', valueName: 'FILE' },
  'no-config': { type: 'boolean', description: 'ignore svclab.config.yaml' },
  'max-file-size': { type: 'number', description: 'largest file to parse, in MB (default 8)', valueName: 'MB' },
  jobs: { type: 'number', short: 'j', description: 'threads for large inputs, shared out by file (default: CPUs, workers only from 3 CPUs and 16 MB; 1 = no workers)', valueName: 'N' },
  color: { type: 'boolean', description: 'force colours on (--no-color: off)' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const LINT_USAGE = `Usage: svclab lint [options] PATH|GLOB|- ...

Lints Kubernetes manifests: schema validation plus the cross-object mistakes that break
Service traffic. Directories are searched for *.yaml, *.yml and *.json.

Options:
${formatHelp(LINT_FLAGS)}

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error, unreadable input or unwritable output.
`;

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function parseRuleFlags(values: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const v of values) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(v.trim());
    if (!m) throw new UsageError(`--rule needs id=severity, got "${v}"`);
    const [, id, sev] = m;
    if (!RULES_BY_ID.has(id)) {
      const guess = didYouMean(id, RULES_BY_ID.keys());
      throw new UsageError(`--rule: unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ''}; \`svclab rules\` lists them`);
    }
    if (!(SEVERITIES as readonly string[]).includes(sev)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}`);
    out[id] = sev as SeveritySetting;
  }
  return out;
}

/** Whether an operand is one regular file smaller than LONG_RUN_CHARS bytes (not a folder, glob or stdin). */
function smallFile(cwd: string, operand: string): boolean {
  if (operand === '-') return false;
  try {
    const st = fs.statSync(path.resolve(cwd, operand), { throwIfNoEntry: false });
    return st !== undefined && st.isFile() && st.size < LONG_RUN_CHARS;
  } catch {
    return false;
  }
}

export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, LINT_FLAGS);
  if (flags.help) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  if (operands.length === 0) throw new UsageError('svclab lint needs at least one path (e.g. `svclab lint k8s/`)');
  const format = str(flags.format) ?? 'stylish';
  const formatter = formatterFor(LINT_FORMATTERS, format);

  const config = flags['no-config'] ? null : loadConfig(io.cwd, str(flags.config));
  const options: LintFilesOptions = {
    cwd: io.cwd,
    readStdin: io.readStdin,
    namespace: str(flags.namespace) ?? config?.namespace,
    rules: { ...(config?.rules ?? {}), ...parseRuleFlags(strs(flags.rule)) },
    nodePortRange: config?.nodePortRange,
    serviceCIDRs: config?.serviceCIDRs,
    clusterDomain: config?.clusterDomain,
    ignorePatterns: [...(config?.ignorePatterns ?? []), ...strs(flags['ignore-pattern'])],
    schemaDirs: [...(config?.schemaDirs ?? []), ...strs(flags['schema-dir'])].map((d) => path.resolve(io.cwd, d)),
    jobs: numOf(flags.jobs) !== undefined ? Math.max(1, Math.floor(numOf(flags.jobs)!)) : undefined,
    maxFileBytes: numOf(flags['max-file-size']) !== undefined ? numOf(flags['max-file-size'])! * 1048576 : undefined,
    onInput: ({ characters }) => {
      if (characters >= LONG_RUN_CHARS) io.longRun?.();
    },
  };
  // A long run is tuned before its files are read (reading them is part of it: 2 % of the CPU of
  // a lint of the published corpus when tuned after); files that may all be small wait for onInput.
  if (!operands.every((o) => smallFile(io.cwd, o))) io.longRun?.();
  const result = await lint(operands, options);
  for (const m of result.missing) io.stderr.write(`svclab: no such file, directory or glob match: ${m}\n`);
  const output = str(flags.output);
  const color = format === 'stylish' && !output && useColor(flags.color as boolean | undefined, io.stdout, io.env);
  const text = formatter(reportInputFromRun(result, options.namespace), { color, cwd: io.cwd, sourceText: format === 'html' ? (file) => readForFrame(io.cwd, file) : undefined });
  if (output) {
    const known = new Set([...result.manifests.map((m) => m.file), ...result.findings.map((f) => f.file)].map((f) => path.resolve(io.cwd, f)));
    const target = path.resolve(io.cwd, output);
    if (await isLintInput(target, operands, io.cwd, known)) {
      throw new UsageError(`--output ${output} is one of the input files; svclab never writes over its input`);
    }
  }
  writeReport(io, text, output);

  if (result.missing.length || result.findings.some((f) => f.ruleId === 'file-unreadable')) return 2;
  if (result.summary.errors > 0) return 1;
  const maxWarnings = numOf(flags['max-warnings']);
  if (maxWarnings !== undefined && maxWarnings >= 0 && result.summary.warnings > maxWarnings) {
    const n = result.summary.warnings;
    io.stderr.write(`svclab: ${n} warning${n === 1 ? ' exceeds' : 's exceed'} --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The text of a linted file for the html report's code frames; undefined for stdin, built objects or unreadable files. */
function readForFrame(cwd: string, file: string): string | undefined {
  try {
    const abs = path.resolve(cwd, file);
    const st = fs.statSync(abs);
    return st.isFile() && st.size <= DEFAULT_MAX_FILE_BYTES ? fs.readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
