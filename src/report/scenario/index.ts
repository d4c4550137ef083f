import type { RunResult } from '../../scenario/result';
import { formatScenarioGithub, formatScenarioJson, formatScenarioJunit, formatScenarioTap } from './machine';
import { formatScenarioStylish, type StylishOptions } from './stylish';

export const SCENARIO_FORMATS = ['stylish', 'json', 'junit', 'github', 'tap'] as const;
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

/** Pure: results in, text out. Only stylish may be coloured. */
export function formatScenarioReport(format: ScenarioFormat, run: RunResult, options: StylishOptions): string {
  switch (format) {
    case 'json':
      return formatScenarioJson(run);
    case 'junit':
      return formatScenarioJunit(run);
    case 'github':
      return formatScenarioGithub(run);
    case 'tap':
      return formatScenarioTap(run);
    case 'stylish':
      return formatScenarioStylish(run, options);
  }
}
