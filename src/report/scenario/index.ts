import type { RunResult } from '../../scenario/result';
import { formatterFor, type Formatter } from '../formatter';
import { formatScenarioGithub, formatScenarioJson, formatScenarioJunit, formatScenarioTap } from './machine';
import { formatScenarioStylish, type StylishOptions } from './stylish';
import { formatScenarioHtml } from '../html/scenario';

export const SCENARIO_FORMATS = ['stylish', 'json', 'junit', 'github', 'tap', 'html'] as const;
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

/** The formats of `svclab test --format`. Only stylish may be coloured. */
export const SCENARIO_FORMATTERS: Readonly<Record<ScenarioFormat, Formatter<RunResult, StylishOptions>>> = {
  stylish: (run, options) => formatScenarioStylish(run, options),
  json: (run) => formatScenarioJson(run),
  junit: (run, options) => formatScenarioJunit(run, options.timing === true),
  github: (run) => formatScenarioGithub(run),
  tap: (run) => formatScenarioTap(run),
  html: (run) => formatScenarioHtml(run),
};

/** Pure: results in, text out. An unknown format throws UnknownFormatError. */
export function formatScenarioReport(format: string, run: RunResult, options: StylishOptions): string {
  return formatterFor(SCENARIO_FORMATTERS, format)(run, options);
}
