/**
 * The language of svclab's words for people (exercise mode, route and DNS explanations) and of
 * authors' texts (`{ en: ..., ko: ... }`). `--lang` wins, then SVCLAB_LANG, then the locale
 * (LC_ALL, LC_MESSAGES, LANG, as gettext reads them); anything svclab has no edition of is English.
 * Rule ids, field paths and kubectl's words are never translated, as kubectl does not translate them.
 */
import type { LocalizedText } from '../scenario/spec/common';

/** The languages svclab's own catalogues have an edition in. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** `ko_KR.UTF-8` -> `ko`; `C`, `POSIX` and unknown codes -> null. */
export function languageCode(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^([a-zA-Z]{2,3})(?:[_-][a-zA-Z0-9]+)?(?:[.@].*)?$/.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}

/** The language asked for, as a code (maybe one svclab has no catalogue for: authors' texts may still have it). */
export function requestedLanguage(flag: string | undefined, env: Record<string, string | undefined>): string {
  for (const v of [flag, env.SVCLAB_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v === undefined || v === '') continue;
    return languageCode(v) ?? 'en';
  }
  return 'en';
}

/** The edition of svclab's own catalogues for a requested language (English when there is none). */
export function catalogueLang(requested: string): Lang {
  return (LANGUAGES as readonly string[]).includes(requested) ? (requested as Lang) : 'en';
}

/** An author's text in the language asked for, else English. */
export function textIn(text: LocalizedText, lang: string): string {
  if (typeof text === 'string') return text;
  const own = Object.prototype.hasOwnProperty.call(text, lang) ? (text as unknown as Record<string, unknown>)[lang] : undefined;
  return typeof own === 'string' ? own : text.en;
}

/** An optional author's text, in English unless localized before (the loader localizes every text of a scenario). */
export function plainText(text: LocalizedText | undefined): string | undefined {
  return text === undefined ? undefined : textIn(text, 'en');
}

/** The keys of a scenario whose values are texts for people (a string or a language map). */
const TEXT_KEYS = new Set(['description', 'task', 'debrief', 'hint', 'title', 'name']);

/**
 * The scenario's texts in one language: every language map under a text key (and in
 * `exercise.hints`) becomes the string of that language, or English. Values under `match`
 * (Kubernetes objects) are left as they are.
 */
export function localize<T>(value: T, lang: string): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (Array.isArray(v)) return v.map((item) => (key === 'hints' ? (isLanguageMap(item) ? textIn(item, lang) : item) : walk(item, null)));
    if (typeof v !== 'object' || v === null) return v;
    if (key !== null && TEXT_KEYS.has(key) && isLanguageMap(v)) return textIn(v, lang);
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) out[k] = k === 'match' ? child : walk(child, k);
    return out;
  };
  return walk(value, null) as T;
}

function isLanguageMap(v: unknown): v is Exclude<LocalizedText, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { en?: unknown }).en === 'string';
}
