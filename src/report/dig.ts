/** The formats of `svclab dig`: text as dig prints it, and the result as JSON (a public contract). */
import type { DnsResult } from '../sim/types';
import { hashString } from '../util/random';
import { jsonText, type Formatter } from './formatter';

/** A DNS answer and the nameserver address that gave it (null: none could be reached). */
export interface DigReport {
  result: DnsResult;
  server: string | null;
}

/** dig-style text: header with status, QUESTION and ANSWER sections, the names tried and the server. */
export function formatDigText({ result: r, server }: DigReport): string {
  const question = r.tried[r.tried.length - 1] ?? (r.query.name.endsWith('.') ? r.query.name : `${r.query.name}.`);
  const answeredName = r.answers[0]?.name ?? question;
  const lines: string[] = [];
  lines.push(`; <<>> svclab dig <<>> ${r.query.name} ${r.query.type} (from ${r.query.from}${r.query.from.startsWith('pod') ? ` in ${r.query.namespace}` : ''})`);
  if (r.server === 'none') {
    lines.push(';; connection timed out; no servers could be reached (the resolv.conf has no nameserver)');
    return `${lines.join('\n')}\n`;
  }
  lines.push(';; Got answer:');
  lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${hashString(answeredName) % 65536}`);
  lines.push(`;; flags: qr${r.server === 'cluster' && answeredName.includes('.') ? ' aa' : ''} rd ra; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: 0, ADDITIONAL: 0`);
  lines.push('');
  lines.push(';; QUESTION SECTION:');
  lines.push(`;${answeredName}\t\tIN\t${r.query.type}`);
  if (r.answers.length) {
    lines.push('');
    lines.push(';; ANSWER SECTION:');
    for (const a of r.answers) lines.push(`${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`);
  }
  lines.push('');
  if (r.tried.length > 1) lines.push(`;; SEARCH: tried ${r.tried.join(', ')}`);
  lines.push(`;; SERVER: ${server}#53(${server}) (${r.server === 'cluster' ? 'CoreDNS, the kube-dns Service' : 'a resolver outside the cluster'})`);
  return `${lines.join('\n')}\n`;
}

export const DIG_FORMATTERS: Readonly<Record<'text' | 'json', Formatter<DigReport, object>>> = {
  text: (report) => formatDigText(report),
  json: (report) => jsonText(report.result),
};
