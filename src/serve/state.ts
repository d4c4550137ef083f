/**
 * What the playground shows of a folder, recomputed after each change: the files, the lint
 * findings, the picture, and for a scenario folder its description, exercise task and checks
 * (each expectation passed or failed, with its hint). Reads files, never writes them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from '../load/files';
import { analyze } from '../pipeline';
import { loadScenario, SCENARIO_FILE } from '../scenario/load';
import { analyzeOptions, scenarioSeed } from '../scenario/analysis';
import { runScenario } from '../scenario/run';
import type { SimCluster } from '../sim/types';
import type { Finding } from '../types';
import { picture, renderPicture } from '../views/graph/index';
import type { SourceFile } from '../load/source';

export interface Check {
  name: string;
  status: 'passed' | 'failed' | 'error';
  message: string;
  hint: string | null;
}

export interface PlaygroundState {
  version: number;
  dir: string;
  /** Files shown and editable, relative to the folder, with `/`. */
  files: string[];
  findings: Array<Pick<Finding, 'ruleId' | 'severity' | 'message' | 'hint' | 'file' | 'line' | 'column' | 'path'>>;
  svg: string;
  /** Pods and Services drawn (for the request bar's source list). */
  sources: string[];
  scenario: { name: string; description: string | null; task: string | null; hints: string[]; debrief: string | null; checks: Check[] } | null;
  /** Why nothing could be simulated, if so. */
  problem: string | null;
}

export interface Snapshot {
  state: PlaygroundState;
  cluster: SimCluster | null;
  findings: Finding[];
  namespace: string;
  seed: number | undefined;
}

const rel = (dir: string, abs: string) => path.relative(dir, abs).split(path.sep).join('/');

async function sourcesOf(dir: string): Promise<{ files: SourceFile[]; scenario: ReturnType<typeof loadScenario> | null }> {
  if (fs.existsSync(path.join(dir, SCENARIO_FILE))) {
    const loaded = loadScenario(dir, dir);
    return { files: loaded.ok ? loaded.scenario.manifests : [], scenario: loaded };
  }
  const collected = await collectFiles([dir], { cwd: dir, readStdin: () => '' });
  return { files: collected.files, scenario: null };
}

/** Computes the state of `dir` (version `version`). Bad input becomes `problem`, never a throw. */
export async function computeState(dir: string, version: number, options: { seed?: number } = {}): Promise<Snapshot> {
  const { files, scenario } = await sourcesOf(dir);
  const state: PlaygroundState = { version, dir, files: files.flatMap((f) => (f.absPath ? [rel(dir, f.absPath)] : [])).sort(), findings: [], svg: '', sources: [], scenario: null, problem: null };
  let cluster: SimCluster | null = null;
  let findings: Finding[] = [];
  let namespace = 'default';
  let seed = options.seed;
  try {
    if (scenario && !scenario.ok) {
      state.problem = scenario.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n');
    } else if (scenario && scenario.ok) {
      const s = scenario.scenario;
      seed = scenarioSeed(s, options.seed);
      const opts = analyzeOptions(s, seed);
      namespace = opts.namespace;
      const result = runScenario(s, { seed });
      state.scenario = {
        name: s.name,
        description: result.description,
        task: result.exercise?.task ?? null,
        hints: result.exercise?.hints ?? [],
        debrief: result.exercise?.debrief ?? null,
        checks: result.expectations.map((e) => ({ name: e.name, status: e.status, message: e.message, hint: e.hint })),
      };
      const analysis = analyze(files, opts);
      cluster = analysis.cluster;
      findings = analysis.lint.findings;
    } else {
      const analysis = analyze(files, { namespace, seed, cwd: dir });
      cluster = analysis.cluster;
      findings = analysis.lint.findings;
    }
  } catch (err) {
    state.problem = `cannot simulate this folder: ${err instanceof Error ? err.message : String(err)}`;
  }
  state.findings = findings.map(({ ruleId, severity, message, hint, file, line, column, path: p }) => ({ ruleId, severity, message, hint, file, line, column, path: p }));
  if (cluster) {
    state.svg = renderPicture('svg', picture(cluster, { findings, namespace }));
    state.sources = ['pod', 'external', ...cluster.nodes.map((n) => `node/${n.name}`), ...cluster.pods.filter((p) => p.podIP).map((p) => `pod/${p.namespace}/${p.name}`)];
  }
  return { state, cluster, findings, namespace, seed };
}
