import * as fs from 'node:fs';
import * as path from 'node:path';
import { findScenarios, runScenarios, type ScenarioRunOptions } from '../scenario/index';
import { MANIFEST_EXTENSIONS } from '../load/files';
import type { RunResult, ScenarioResult } from '../scenario/result';
import { formatScenarioReport, SCENARIO_FORMATS, SCENARIO_FORMATTERS, type ScenarioFormat } from '../report/scenario/index';
import { isFormat, UnknownFormatError } from '../report/formatter';
import { formatHelp, maxPodsFlag, numOf, parseArgs, str, UsageError, type FlagSpecs } from './args';
import { useColor, type CliIO } from './io';
import { writeReport } from './output';
import { recordExerciseRun } from './exercise-state';
import { catalogueLang, requestedLanguage } from '../i18n/lang';

export const TEST_FLAGS: FlagSpecs = {
  format: { type: 'string', multiple: true, description: `report format: ${SCENARIO_FORMATS.join('|')} (default stylish); each --output goes with the --format before it`, valueName: 'FORMAT' },
  output: { type: 'string', multiple: true, description: 'write the report of the preceding --format to FILE', valueName: 'FILE' },
  filter: { type: 'string', description: 'only scenarios whose name or folder contains TEXT', valueName: 'TEXT' },
  bail: { type: 'boolean', description: 'stop after the first scenario that fails' },
  seed: { type: 'number', description: 'seed for every random choice (default 1; a scenario\'s own seed wins)', valueName: 'N' },
  update: { type: 'boolean', description: 'rewrite `get` text snapshots (never manifests); refused when CI is set' },
  watch: { type: 'boolean', description: 're-run the scenarios whose files change' },
  shard: { type: 'string', description: 'run the i-th of n slices of the suite (e.g. 2/3)', valueName: 'i/n' },
  jobs: { type: 'number', short: 'j', description: 'threads (default: CPUs, workers only from 3 CPUs; 1 = serial)', valueName: 'N' },
  solutions: { type: 'boolean', description: 'exercises: check each solution/ passes and each starting state fails' },
  'max-pods': { type: 'number', description: 'pods each simulated cluster holds in all (default 50000; a scenario\'s cluster.maxPods)', valueName: 'N' },
  root: { type: 'string', description: 'a folder scenarios may read files from besides their own (shared manifests); default: each scenario reads only its own folder', valueName: 'DIR' },
  verbose: { type: 'boolean', description: 'list passing expectations too' },
  hint: { type: 'number', description: 'exercises: show the first N hints of the ladder now (default: one more after each failed run)', valueName: 'N' },
  explain: { type: 'boolean', description: 'exercises: say why each failed request fails now (default: from the second failed run on)' },
  lang: { type: 'string', description: 'language of exercise texts and svclab\'s words: en or ko (default: SVCLAB_LANG, then LANG; English when svclab has no edition)', valueName: 'LANG' },
  timing: { type: 'boolean', description: 'junit: write how long each scenario took (time=); without it a report is the same bytes on every run' },
  color: { type: 'boolean', description: 'force colours on (--no-color: off)' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const TEST_USAGE = `Usage: svclab test [options] [PATH|GLOB ...]

Runs scenario folders (a folder with a scenario.yaml) and checks their expectations: lint
findings, simulated objects, endpoints, routes, DNS answers, reachability matrices and
\`get\` snapshots. Without a path, every scenario under the current directory is run
(node_modules is skipped).

Options:
${formatHelp(TEST_FLAGS)}

Examples:
  svclab test scenarios
  svclab test exercises/01-selector-typo --watch
  svclab test exercises --solutions
  svclab test --format junit --output report.xml --format stylish

Exit codes: 0 every expectation holds, 1 an expectation failed (or no scenario was found),
2 a scenario cannot be loaded (bad YAML, schema error, unknown key) or a usage error.
`;

export interface OutputSpec {
  format: ScenarioFormat;
  output: string | undefined;
}

/** Pairs each `--output` with the `--format` before it (an --output before any --format goes with the first one). */
export function pairFormats(argv: string[]): OutputSpec[] {
  const pairs: Array<{ format: string; output?: string }> = [];
  let pendingOutput: string | undefined;
  const valueOf = (i: number, name: string): [string | undefined, number] => {
    const a = argv[i];
    if (a.startsWith(`--${name}=`)) return [a.slice(name.length + 3), i];
    if (a === `--${name}`) return [argv[i + 1], i + 1];
    return [undefined, i];
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    let [v, j] = valueOf(i, 'format');
    if (v !== undefined) {
      pairs.push({ format: v, output: pendingOutput });
      pendingOutput = undefined;
      i = j;
      continue;
    }
    [v, j] = valueOf(i, 'output');
    if (v !== undefined) {
      const last = pairs[pairs.length - 1];
      if (last && last.output === undefined) last.output = v;
      else if (!last && pendingOutput === undefined) pendingOutput = v;
      else throw new UsageError(`--output ${v} has no --format of its own; give one --format before each --output`);
      i = j;
    }
  }
  if (pairs.length === 0) pairs.push({ format: 'stylish', output: pendingOutput });
  for (const p of pairs) if (!isFormat(SCENARIO_FORMATTERS, p.format)) throw new UnknownFormatError(p.format, SCENARIO_FORMATS);
  if (pairs.filter((p) => p.output === undefined).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output FILE');
  return pairs as OutputSpec[];
}

export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard needs i/n with 1 <= i <= n, got "${text}"`);
  return { index, count };
}

/** Outside effects of --watch, injectable so that tests drive it without a real loop. */
export interface WatchDeps {
  /** Calls `onChange` with the changed file's absolute path; returns a handle to stop watching (and, optionally, when it is armed). */
  watch(dir: string, onChange: (file: string) => void): { close(): unknown; ready?: Promise<void> };
  /** Resolves when watching should stop (Ctrl-C in the terminal). */
  until: Promise<void>;
  /** Debounce before re-running, in ms. */
  debounceMs: number;
  /** The time shown in `re-run #N at HH:MM:SS` (default: the wall clock). */
  now?: () => Date;
}

/**
 * chokidar (ESM, imported when --watch runs): it re-arms after the saves that replace a file
 * (rename-replace, \`sed -i\`, backup-and-write, \`git checkout\`), which Node's recursive
 * fs.watch misses on Linux because it watches inodes.
 */
export const realWatchDeps = (): WatchDeps => ({
  watch: (dir, onChange) => {
    const watcher = import('chokidar').then((chokidar) => {
      const w = chokidar.watch(dir, { ignoreInitial: true, atomic: true, ignored: (p: string) => p.includes(`${path.sep}node_modules`) || p.includes(`${path.sep}.git${path.sep}`) });
      w.on('all', (_event, file) => onChange(path.resolve(dir, file)));
      return new Promise<typeof w>((resolve) => w.once('ready', () => resolve(w)));
    });
    return { ready: watcher.then(() => undefined), close: async () => void (await (await watcher).close()) };
  },
  until: new Promise<void>((resolve) => process.once('SIGINT', () => resolve())),
  debounceMs: 150,
});

export async function testCommand(argv: string[], io: CliIO, watchDeps?: WatchDeps): Promise<number> {
  const { flags, operands } = parseArgs(argv, TEST_FLAGS);
  if (flags.help) {
    io.stdout.write(TEST_USAGE);
    return 0;
  }
  const outputs = pairFormats(argv);
  if (flags.update && io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0') {
    throw new UsageError('--update is refused when CI is set: snapshots are updated on a workstation and committed, never rewritten by CI');
  }
  if (outputs.some((o) => o.output !== undefined)) await refuseOutputsInScenarios(outputs, operands, io.cwd);
  const jobs = numOf(flags.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs needs a whole number of at least 1, got ${jobs}`);
  const requested = requestedLanguage(str(flags.lang), io.env);
  const hint = numOf(flags.hint);
  if (hint !== undefined && (!Number.isInteger(hint) || hint < 1)) throw new UsageError(`--hint needs a whole number of at least 1, got ${hint}`);
  const options: ScenarioRunOptions = {
    lang: requested,
    cwd: io.cwd,
    seed: numOf(flags.seed),
    update: flags.update === true,
    filter: str(flags.filter),
    bail: flags.bail === true,
    shard: parseShard(str(flags.shard)),
    jobs,
    solutions: flags.solutions === true,
    root: str(flags.root),
    maxPods: maxPodsFlag(flags['max-pods']),
    pictures: outputs.some((o) => o.format === 'html'),
  };
  const progress = io.stderr.isTTY === true && !flags.watch;
  if (progress) options.onResult = (r: ScenarioResult, done, total) => io.stderr.write(`\r\x1b[K[${done}/${total}] ${r.status === 'passed' ? '✓' : '✗'} ${r.name}`);
  const color = useColor(flags.color as boolean | undefined, io.stdout, io.env);
  const report = (run: RunResult) => {
    const exercise = recordExerciseRun(run, { cwd: io.cwd, env: io.env, lang: catalogueLang(requested), hint, explain: flags.explain === true });
    for (const o of outputs) {
      writeReport(io, formatScenarioReport(o.format, run, { color: color && o.format === 'stylish' && !o.output, verbose: flags.verbose === true, watching: flags.watch === true, timing: flags.timing === true, exercise }), o.output);
    }
  };
  const first = await runScenarios(operands, options);
  if (progress) io.stderr.write('\r\x1b[K');
  report(first);
  for (const m of first.missing) io.stderr.write(`svclab test: no scenario found at ${m}\n`);
  if (options.filter !== undefined && first.scenarios.length === 0 && first.missing.length === 0) io.stderr.write(`svclab test: no scenario's name or folder contains "${options.filter}" (--filter)\n`);
  if (!flags.watch) return exitCode(first);
  return watchLoop(operands, options, first, io, report, watchDeps ?? realWatchDeps());
}

/**
 * A report must not land inside a scenario folder over one of its files (a manifest, scenario.yaml,
 * a snapshot), nor as a new .yaml/.json file there, which the next run would load as a manifest.
 */
async function refuseOutputsInScenarios(outputs: OutputSpec[], operands: string[], cwd: string): Promise<void> {
  const { dirs } = await findScenarios(operands, cwd);
  for (const o of outputs) {
    if (o.output === undefined) continue;
    const abs = path.resolve(cwd, o.output);
    const dir = dirs.find((d) => !path.relative(d, abs).startsWith('..') && !path.isAbsolute(path.relative(d, abs)));
    if (!dir) continue;
    if (fs.existsSync(abs)) throw new UsageError(`--output ${o.output} is a file of the scenario in ${path.relative(cwd, dir) || '.'}; svclab never writes over its input`);
    if (MANIFEST_EXTENSIONS.includes(path.extname(abs).toLowerCase())) throw new UsageError(`--output ${o.output} would put a ${path.extname(abs)} file in the scenario folder ${path.relative(cwd, dir) || '.'}, where the next run would read it as a manifest; write the report outside the scenario folders`);
  }
}

export function exitCode(run: RunResult): number {
  if (run.scenarios.some((s) => s.status === 'error')) return 2;
  if (run.scenarios.length === 0 || run.missing.length) return 1;
  return run.summary.expectationsFailed > 0 || run.summary.failed > 0 ? 1 : 0;
}

/** `HH:MM:SS` of a re-run, in the local time of the terminal. */
function clock(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Snapshot writes and editor scratch files (vim's swap and backup files, temp files) must not trigger a loop of re-runs. */
export function ignoredByWatch(file: string): boolean {
  return /\.tmp$|~$|\.sw[a-p]$|(^|[/\\])4913$/.test(file) || file.includes(`${path.sep}__snapshots__${path.sep}`);
}

async function watchLoop(operands: string[], options: ScenarioRunOptions, first: RunResult, io: CliIO, report: (r: RunResult) => void, deps: WatchDeps): Promise<number> {
  let last = first;
  const dirs = [...new Set(first.scenarios.map((s) => path.resolve(io.cwd, s.dir)))];
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  let count = 0;
  const rerun = () => {
    const targets = [...changed];
    changed.clear();
    running = running
      .then(async () => {
        const run = await runScenarios(targets, { ...options, onResult: undefined });
        count += 1;
        // Clear the screen between runs, as jest --watch does, so the report on screen is the latest one.
        if (io.stdout.isTTY) io.stdout.write('\x1b[2J\x1b[3J\x1b[H');
        io.stdout.write(`re-run #${count} at ${clock((deps.now ?? (() => new Date()))())}: re-ran ${run.scenarios.length} scenario${run.scenarios.length === 1 ? '' : 's'} after a change\n\n`);
        report(run);
        last = run;
      })
      // A failed re-run must not end the session (nor stop the next re-runs): say so and keep watching.
      .catch((err: unknown) => void io.stderr.write(`svclab test: the re-run failed: ${err instanceof Error ? err.message : String(err)}; still watching\n`));
  };
  const handles = dirs.map((dir) =>
    deps.watch(dir, (file) => {
      if (ignoredByWatch(file)) return;
      changed.add(dir);
      if (timer) clearTimeout(timer);
      timer = setTimeout(rerun, deps.debounceMs);
    }),
  );
  await Promise.all(handles.map((h) => h.ready));
  io.stderr.write(`svclab test: watching ${dirs.length} scenario folder${dirs.length === 1 ? '' : 's'} (Ctrl-C to stop)\n`);
  await deps.until;
  if (timer) clearTimeout(timer);
  await Promise.all(handles.map((h) => h.close()));
  await running;
  void operands;
  return exitCode(last);
}
