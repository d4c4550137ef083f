import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl } from '../docs';
import type { Rule } from '../rules/rule';
import type { Finding, Severity } from '../types';
import { objectLabel, type LintReportInput } from './report-input';
import { TOOL_NAME, TOOL_URI, toolVersion } from './version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** The key of our fingerprint in `partialFingerprints`; the `/v1` lets the recipe change later. */
export const FINGERPRINT_KEY = 'svclab/v1';

export interface SarifOptions {
  /** Finding paths are relative to this folder; it becomes `%SRCROOT%`. */
  cwd: string;
  /** The rules listed in `tool.driver.rules` (all registered rules). */
  rules: readonly Rule[];
  version?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its metadata, results with relative
 * URIs under `%SRCROOT%`, and a fingerprint that does not move when lines are inserted above
 * the finding (rule, file, object, field path and message, never the line), so an alert is
 * tracked across commits instead of being closed and reopened.
 */
export function formatSarif(result: LintReportInput, options: SarifOptions): string {
  const rules = [...options.rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const seen = new Map<string, number>();
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.version ?? toolVersion(),
            semanticVersion: options.version ?? toolVersion(),
            informationUri: TOOL_URI,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: pascalCase(r.meta.id),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: `${r.meta.description} See ${ruleDocUrl(r.meta.id)} for why it matters, examples and how to fix it.` },
              helpUri: ruleDocUrl(r.meta.id),
              help: { text: `svclab explain ${r.meta.id}`, markdown: `Run \`svclab explain ${r.meta.id}\` or read [the rule's page](${ruleDocUrl(r.meta.id)}).` },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { category: r.meta.category, tags: ['kubernetes', r.meta.category] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => sarifResult(f, index, seen)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifResult(f: Finding, index: Map<string, number>, seen: Map<string, number>) {
  const fingerprint = fingerprintOf(f, seen);
  const ruleIndex = index.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.hint ? `${f.message}\nHow to fix: ${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) },
        },
        ...(f.object ? { logicalLocations: [{ name: f.object.name, fullyQualifiedName: objectLabel(f.object), kind: 'resource' }] } : {}),
      },
    ],
    ...(f.related.length
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: artifactLocation(r.file), region: { startLine: r.line, startColumn: r.column } },
            message: { text: r.message },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: { messageId: f.messageId, ...(f.object ? { object: f.object } : {}), ...(f.path ? { path: f.path } : {}) },
  };
}

/**
 * Hash of what identifies the problem, not where it is. Two identical findings in one file
 * (same rule, object, path, message) get a running number so their fingerprints differ.
 */
function fingerprintOf(f: Finding, seen: Map<string, number>): string {
  const obj = f.object ? `${f.object.apiVersion}|${f.object.kind}|${f.object.namespace}|${f.object.name}` : '';
  const base = [f.ruleId, f.file, obj, f.path, f.message].join('\u0000');
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  // node:crypto on first use: loading it costs every CLI start ~5 ms (issue 14).
  const { createHash } = require('node:crypto') as typeof import('node:crypto'); // eslint-disable-line @typescript-eslint/no-require-imports
  const hash = createHash('sha256').update(base).update(n ? `\u0000${n}` : '').digest('hex');
  return `${hash.slice(0, 32)}:${n + 1}`;
}

/** Relative paths become URI references under %SRCROOT%; absolute ones (outside cwd) file URIs. */
function artifactLocation(file: string): ArtifactLocation {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]/).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function folderUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}
