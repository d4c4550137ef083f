/**
 * The human report of `svclab test`: a tree of scenarios and expectations with ✓/✗; for each
 * failure its file:line, every mismatch, an expected-vs-actual diff, the hint, the explanation
 * chain of a failed route and the truth table of a failed matrix.
 */
import * as path from 'node:path';
import type { ExpectationResult, RunResult, ScenarioResult } from '../../scenario/result';
import { colors, type Colors } from '../colors';
import { truthTable } from './table';
import { EXERCISE_WORDS } from '../../i18n/exercise-words';
import type { Lang } from '../../i18n/lang';
import { displayWidth } from '../../util/display-width';

export interface StylishOptions {
  color: boolean;
  /** Show passing expectations too (default: only for scenarios that failed, and then all). */
  verbose?: boolean;
  /** Under --watch: an exercise says that saving re-runs it. */
  watching?: boolean;
  /** junit: write each suite's measured `time` (`--timing`); without it every format is the same bytes on every run. */
  timing?: boolean;
  /** Exercise mode: the language of svclab's words, and per exercise folder how many hints to show and whether to explain failed routes. */
  exercise?: ExerciseView;
}

export interface ExerciseView {
  lang: Lang;
  /** Hints of the ladder to show (the failed runs so far, or --hint N). */
  hintLevel: (dir: string) => number;
  /** The why-chain of failed routes: from the second failed run on, or --explain. */
  showWhy: (dir: string) => boolean;
}

const ENGLISH_VIEW: ExerciseView = { lang: 'en', hintLevel: () => 1, showWhy: () => true };

/** Appends one by one: `push(...list)` passes every item on the stack, which a long report overflows. */
function pushAll(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

export function formatScenarioStylish(run: RunResult, options: StylishOptions): string {
  const c = colors(options.color);
  const lines: string[] = [];
  for (const s of run.scenarios) pushAll(lines, scenarioBlock(s, c, options));
  for (const m of run.missing) lines.push(c.red(`✗ no scenario found at ${m}`));
  const sum = run.summary;
  lines.push('');
  const failedExp = sum.expectationsFailed;
  const head = sum.scenarios === 0 ? c.red('✗ no scenario found') : failedExp === 0 && sum.errors === 0 ? c.green(`✓ ${sum.passed} scenario${sum.passed === 1 ? '' : 's'} passed`) : c.red(`✗ ${sum.failed + sum.errors} of ${sum.scenarios} scenarios failed${sum.errors ? ` (${sum.errors} could not be loaded)` : ''}`);
  lines.push(`${head} — ${sum.expectations - failedExp}/${sum.expectations} expectations hold (seed ${sum.seed})`);
  return lines.join('\n') + '\n';
}

function mark(status: string, c: Colors): string {
  return status === 'passed' ? c.green('✓') : status === 'error' ? c.red('!') : c.red('✗');
}

function scenarioBlock(s: ScenarioResult, c: Colors, options: StylishOptions): string[] {
  const lines: string[] = [];
  lines.push(`${mark(s.status, c)} ${c.bold(s.name)} ${c.dim(s.file)}${s.status === 'error' ? c.red(' (cannot be loaded)') : ''}`);
  const exercise = s.exercise && s.variant === 'normal' ? s.exercise : null;
  const nextExercise = exercise?.next ? path.join(s.dir, exercise.next) : null;
  const view = options.exercise ?? ENGLISH_VIEW;
  const w = EXERCISE_WORDS[view.lang];
  if (exercise && s.status === 'passed') {
    lines.push(`    ${c.green(w.solved)} ${nextExercise ? w.nextExercise(c.bold(`svclab test ${nextExercise}`)) : w.lastExercise}`);
    if (exercise.debrief) pushAll(lines, block(`    ${c.cyan(w.debrief)} `, exercise.debrief));
  }
  if (s.status === 'passed' && !options.verbose) {
    lines.push(c.dim(`    ${s.expectations.length} expectation${s.expectations.length === 1 ? '' : 's'} hold`));
    return lines;
  }
  const firstFailure = s.expectations.find((e) => e.status !== 'passed');
  // A learner sees the task, their own lint errors, the hints earned so far and what to do next before the details.
  let shownHint: string | null = null;
  let showWhy = true;
  if (exercise && s.status !== 'passed') {
    if (exercise.task) pushAll(lines, block(`    ${c.cyan(w.task)} `, exercise.task));
    if (exercise.learnerErrors.length) {
      lines.push(`    ${c.red(w.learnerErrors(exercise.learnerErrors.length))}`);
      for (const e of exercise.learnerErrors) {
        lines.push(`      ${c.dim(`${e.file}:${e.line}:${e.column}`)}  ${e.message}  ${c.dim(e.ruleId)}`);
        lines.push(`        ${c.cyan(w.help)} ${e.help}`);
      }
    }
    if (exercise.hints.length) {
      const shown = Math.max(1, Math.min(view.hintLevel(s.dir), exercise.hints.length));
      exercise.hints.slice(0, shown).forEach((h, i) => pushAll(lines, block(`    ${c.cyan(w.hint(i + 1, exercise.hints.length))} `, h)));
      if (shown < exercise.hints.length) lines.push(`    ${c.dim(w.moreHints(shown, exercise.hints.length))}`);
      // The ladder replaces the hints of single expectations, which tend to give the answer away.
      shownHint = '';
    } else if (firstFailure) {
      shownHint = firstFailure.hint;
      const where = `${firstFailure.step ? `step "${firstFailure.step}", ` : ''}${firstFailure.file}:${firstFailure.line}`;
      lines.push(`    ${c.cyan(w.hint(1, 1).replace(' 1/1', ''))} ${firstFailure.hint ?? firstFailure.message} ${c.dim(`(${where})`)}`);
    }
    showWhy = view.showWhy(s.dir);
    if (!showWhy && s.expectations.some((e) => e.explain.length)) lines.push(`    ${c.dim(w.whyLater)}`);
    const rerun = options.watching ? w.saveToRerun : w.runAgain(c.bold(`svclab test ${s.dir || '.'}`));
    lines.push(`    ${c.cyan(w.next)} ${w.fixThenRerun(s.dir || '.', rerun)}${nextExercise ? w.thenNext(nextExercise) : ''}`);
  }
  let step: string | null | undefined;
  for (const e of s.expectations) {
    if (e.step !== step) {
      step = e.step;
      if (step !== null) {
        const st = s.steps.find((x) => x.name === step);
        lines.push(`  ${mark(st?.status ?? 'passed', c)} step: ${step}`);
      }
    }
    pushAll(lines, expectationBlock(e, c, e.step === null ? '  ' : '    ', shownHint, showWhy));
  }
  return lines;
}

/** `shownHint`: the hint already printed at the top of an exercise, not repeated under each failure. */
function expectationBlock(e: ExpectationResult, c: Colors, indent: string, shownHint: string | null = null, showWhy = true): string[] {
  // A scenario that cannot be loaded: the position and the message say it all.
  if (e.kind === 'load') return [`${indent}${mark(e.status, c)} ${c.dim(`${e.file}:${e.line}:${e.column}`)}  ${e.message}`];
  const title = e.name.replace(/^.*? › /, '');
  if (e.status === 'passed') return [`${indent}${c.green('✓')} ${title}`];
  const lines = [`${indent}${mark(e.status, c)} ${title} ${c.dim(`${e.file}:${e.line}:${e.column}`)}`];
  const pad = `${indent}    `;
  for (const m of e.mismatches) {
    const text = `${m.path ? `${c.bold(m.path)} ` : ''}${m.message}`;
    text.split('\n').forEach((l, i) => lines.push(`${pad}${i === 0 ? '' : '  '}${colorDiffLine(l, c, i)}`));
    if (m.expected !== undefined && m.actual !== undefined && (typeof m.expected !== 'object' || m.expected === null) && typeof m.actual !== 'object' && !String(m.actual).includes('\n') && !/expected/.test(m.message)) {
      lines.push(`${pad}  ${c.green(`- expected ${JSON.stringify(m.expected)}`)}`);
      lines.push(`${pad}  ${c.red(`+ actual   ${JSON.stringify(m.actual)}`)}`);
    }
  }
  if (e.table) for (const l of truthTable(e.table)) lines.push(`${pad}${l}`);
  if (e.explain.length && showWhy) {
    lines.push(`${pad}${c.cyan('why:')}`);
    for (const l of e.explain) lines.push(`${pad}  ${c.dim(l)}`);
  }
  // Only sampled checks (routes, matrices) carry the seed that reproduces them.
  if (e.seed !== null) lines.push(`${pad}${c.dim(`seed ${e.seed}`)}`);
  if (e.hint && e.hint !== shownHint && shownHint !== '') lines.push(`${pad}${c.cyan('hint:')} ${e.hint}`);
  return lines;
}

/** A text of several lines under a label: the first line after it, the others indented as written (an author's indentation is kept). */
export function block(label: string, text: string): string[] {
  const [first, ...rest] = text.replace(/\s+$/, '').split('\n');
  const pad = ' '.repeat(displayWidth(label.replace(/\x1b\[[0-9;]*m/g, '')));
  return [`${label}${first}`, ...rest.map((l) => (l === '' ? '' : `${pad}${l}`))];
}

function colorDiffLine(l: string, c: Colors, index: number): string {
  if (index === 0) return l;
  if (l.startsWith('- ')) return c.green(l);
  if (l.startsWith('+ ')) return c.red(l);
  return c.dim(l);
}
