import { findScenarios, loadScenario } from '../scenario/load';
import { validateScenario, type ScenarioValidation } from '../scenario/validate';
import { colors } from '../report/colors';
import { formatHelp, parseArgs, str, type FlagSpecs } from './args';
import { useColor, type CliIO } from './io';

export const VALIDATE_FLAGS: FlagSpecs = {
  root: { type: 'string', description: 'a folder scenarios may read files from besides their own (shared manifests); default: each scenario reads only its own folder', valueName: 'DIR' },
  color: { type: 'boolean', description: 'force colours on (--no-color: off)' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const VALIDATE_USAGE = `Usage: svclab validate [options] [PATH|GLOB ...]

Checks scenario folders without running them: scenario.yaml against the scenario schema
(unknown keys with a did-you-mean, at file:line:col), the files it names, and its manifests
through the linter, against the scenario's cluster as \`svclab test\` lints them. The
scenario's own \`expect.lint\` must hold; without one, any lint error fails. An exercise is
checked with its solution/ files.

Options:
${formatHelp(VALIDATE_FLAGS)}

Exit codes: 0 valid, 1 lint errors in manifests or a cluster: that cannot be (or no scenario found),
2 a scenario cannot be loaded.
`;

/** What is wrong with a scenario that does not validate, one line each. */
function problems(v: ScenarioValidation): string[] {
  if (v.failure) return [`cluster: ${v.failure}`];
  const lint = v.lint && v.lint.status !== 'passed' ? [`${v.lint.file}:${v.lint.line}:${v.lint.column}  ${v.lint.message}`] : [];
  return [...lint, ...v.errors.map((f) => `${f.file}:${f.line}:${f.column}  ${f.message}  ${f.ruleId}`)];
}

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, VALIDATE_FLAGS);
  if (flags.help) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const c = colors(useColor(flags.color as boolean | undefined, io.stdout, io.env));
  const { dirs, missing } = await findScenarios(operands, io.cwd);
  let loadErrors = 0;
  let lintErrors = 0;
  for (const dir of dirs) {
    const loaded = loadScenario(dir, io.cwd, { root: str(flags.root) });
    if (!loaded.ok) {
      loadErrors++;
      io.stdout.write(`${c.red('!')} ${loaded.file} ${c.red('cannot be loaded')}\n`);
      for (const e of loaded.errors) io.stdout.write(`    ${e.file}:${e.line}:${e.column}  ${e.message}\n`);
      continue;
    }
    const validation = validateScenario(loaded.scenario);
    if (!validation.valid) {
      lintErrors++;
      io.stdout.write(`${c.red('✗')} ${loaded.scenario.name} ${c.dim(loaded.scenario.file)}\n`);
      for (const p of problems(validation)) io.stdout.write(`    ${p}\n`);
    } else io.stdout.write(`${c.green('✓')} ${loaded.scenario.name} ${c.dim(`${loaded.scenario.file} (${loaded.scenario.manifests.length} manifest file${loaded.scenario.manifests.length === 1 ? '' : 's'})`)}\n`);
  }
  for (const m of missing) io.stderr.write(`svclab validate: no scenario found at ${m}\n`);
  io.stdout.write(`\n${dirs.length} scenario${dirs.length === 1 ? '' : 's'}: ${dirs.length - loadErrors - lintErrors} valid, ${loadErrors} cannot be loaded, ${lintErrors} with lint errors\n`);
  if (loadErrors) return 2;
  if (dirs.length === 0 || missing.length || lintErrors) return 1;
  return 0;
}
