/**
 * The editions of the route engine's sentence catalogue, by language: English (./sentences) and
 * Korean (./sentences-ko). A hop or a reason is data (a statement); `say` words it in the
 * language asked for, falling back to English for a statement an edition does not have yet.
 */
import type { Lang } from '../../i18n/lang';
import type { RouteReason } from '../types';
import type { Statement } from './facts';
import { ENGLISH, sentence, type Catalogue } from './sentences';
import { KOREAN } from './sentences-ko';

export const CATALOGUES: Readonly<Record<Lang, Partial<Catalogue>>> = { en: ENGLISH, ko: KOREAN };

/** A statement (a hop's or a reason's facts) as a sentence in the language's edition. */
export function say(facts: RouteReason | Statement, lang: Lang): string {
  const s = facts as Statement;
  const own = CATALOGUES[lang][s.message] as ((x: Statement) => string) | undefined;
  return own ? own(s) : sentence(s);
}
