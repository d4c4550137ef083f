/**
 * The two seed tutorials (../shared/seeds/*.txt, Korean study notes on Services) are the first
 * input svclab must handle: their complete manifests lint clean, and the classic mistakes a
 * learner makes in them — a selector typo, targetPort 8080 for containerPort 80, a nodePort
 * outside 30000-32767 — are reported at the line of the broken field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithShared, lintYaml, runCli, sharedPath } from './helpers';
import type { Finding } from '../src/types';

const SEEDS = sharedPath('seeds');
const SEED_FILES = ['000_c1b5580169cd4c3b.txt', '002_dac3240c9147ea64.txt'];

interface Block {
  /** A virtual file name that says where the block comes from: `<seed>:<line of its first YAML line>.yaml`. */
  name: string;
  text: string;
}

/** Complete manifests: fenced code blocks holding `apiVersion`, except fragments that start with `...`. */
function manifestBlocks(seedFile: string): Block[] {
  const text = fs.readFileSync(path.join(SEEDS, seedFile), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const body = m[1];
    if (!/^\s*apiVersion:/m.test(body) || body.trimStart().startsWith('...')) continue;
    const firstLine = text.slice(0, m.index).split('\n').length + 1;
    blocks.push({ name: `${seedFile}:${firstLine}.yaml`, text: body });
  }
  return blocks;
}

/** The line in the seed file of line `line` of a block (blocks are named `<seed>:<first line>.yaml`). */
function seedLine(blockName: string, line: number): number {
  return Number(/:(\d+)\.yaml$/.exec(blockName)?.[1]) + line - 1;
}

const seed000 = (): Block[] => manifestBlocks(SEED_FILES[0]);
const seed002 = (): Block[] => manifestBlocks(SEED_FILES[1]);
const files = (blocks: Block[]) => Object.fromEntries(blocks.map((b) => [b.name, b.text]));
const show = (f: Finding) => `${f.severity} ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`;

/** Replaces `from` by `to` in the one block that holds a manifest of `kind`, returning the blocks and the 1-based line of the change. */
function breakBlock(blocks: Block[], kind: string, from: string, to: string): { blocks: Block[]; file: string; line: number } {
  const target = blocks.find((b) => new RegExp(`^kind: ${kind}$`, 'm').test(b.text) && b.text.includes(from));
  if (!target) throw new Error(`no ${kind} block with "${from}"`);
  // In a block with several documents, change the occurrence inside the document of that kind.
  const kindAt = target.text.search(new RegExp(`^kind: ${kind}$`, 'm'));
  const docStart = target.text.lastIndexOf('\n---', kindAt) + 1;
  const at = target.text.indexOf(from, docStart);
  const text = target.text.slice(0, at) + to + target.text.slice(at + from.length);
  return {
    blocks: blocks.map((b) => (b === target ? { ...b, text } : b)),
    file: target.name,
    line: target.text.slice(0, at).split('\n').length,
  };
}

describeWithShared('seed tutorials (../shared/seeds)', SEED_FILES.map((f) => `seeds/${f}`), () => {
  test.each(SEED_FILES)('%s: its complete manifests are found', (seed) => {
    const kinds = manifestBlocks(seed).flatMap((b) => [...b.text.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]));
    expect(kinds).toEqual(seed.startsWith('000') ? ['Deployment', 'Service'] : ['Deployment', 'Service', 'Deployment', 'Service']);
  });

  test.each(SEED_FILES)('%s lints with no error and no warning', (seed) => {
    const run = lintYaml(files(manifestBlocks(seed)));
    expect(run.summary.objects).toBeGreaterThanOrEqual(2);
    expect(run.findings.filter((f) => f.severity !== 'info').map(show)).toEqual([]);
  });

  describe('broken variants are reported at the broken line', () => {
    test('selector app: webserver -> app: web-server in the Service: service-selector-no-match', () => {
      const broken = breakBlock(seed000(), 'Service', 'app: webserver', 'app: web-server');
      const found = lintYaml(files(broken.blocks)).findings.filter((f) => f.ruleId === 'service-selector-no-match');
      expect(found.map(show)).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'error', file: broken.file, path: 'spec.selector', line: broken.line, column: 5 });
      expect(seedLine(found[0].file, found[0].line)).toBe(126); // `    app: web-server` in 000's Service
      expect(found[0].message).toContain('selector app=web-server matches no pod in namespace default; pods of Deployment/default/hostname-deployment carry app=webserver');
    });

    test('Service targetPort: 80 -> 8080 (containerPort stays 80): target-port-no-container-port at the targetPort line', () => {
      const broken = breakBlock(seed000(), 'Service', 'targetPort: 80', 'targetPort: 8080');
      const run = lintYaml(files(broken.blocks));
      const found = run.findings.filter((f) => f.ruleId === 'target-port-no-container-port');
      expect(found.map(show)).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', file: broken.file, path: 'spec.ports[0].targetPort', line: broken.line, column: 17 });
      expect(seedLine(found[0].file, found[0].line)).toBe(124); // `    targetPort: 8080` in 000's Service
      expect(found[0].message).toContain('targetPort 8080 is not declared (the container may not listen there): no container of the selected pods declares containerPort 8080 (Deployment/default/hostname-deployment declares 80/TCP)');
      expect(found[0].related[0]).toMatchObject({ file: expect.stringContaining(SEED_FILES[0]) });
    });

    test('nodePort: 31000 -> 40000: nodeport-out-of-range at the nodePort line', () => {
      const broken = breakBlock(seed002(), 'Service', 'nodePort: 31000', 'nodePort: 40000');
      const found = lintYaml(files(broken.blocks)).findings.filter((f) => f.ruleId === 'nodeport-out-of-range');
      expect(found.map(show)).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'error', file: broken.file, path: 'spec.ports[0].nodePort', line: broken.line });
      expect(seedLine(found[0].file, found[0].line)).toBe(112); // `      nodePort: 40000` in 002's counter-np
    });

    test('the seed 002 Service picking both Deployments (tier dropped): service-selector-overlap', () => {
      const broken = breakBlock(seed002(), 'Service', '    tier: db\n', '');
      const found = lintYaml(files(broken.blocks)).findings.filter((f) => f.ruleId === 'service-selector-overlap');
      expect(found.map(show)).toHaveLength(1);
      expect(found[0].message).toMatch(/Deployment\/default\/redis .* and Deployment\/default\/counter/);
      expect(found[0].hint).toContain('`tier: db`');
    });

    test('REDIS_HOST: "redis" -> "redis-master": env-service-reference at the env value', () => {
      const broken = breakBlock(seed002(), 'Deployment', 'value: "redis"', 'value: "redis-master"');
      const found = lintYaml(files(broken.blocks)).findings.filter((f) => f.ruleId === 'env-service-reference');
      expect(found.map(show)).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: broken.file, line: broken.line, path: 'spec.template.spec.containers[0].env[0].value' });
    });
  });

  test('through the CLI (json on stdin): the targetPort variant is reported at the targetPort line', async () => {
    const broken = breakBlock(seed000(), 'Service', 'targetPort: 80', 'targetPort: 8080');
    // One stream: the two blocks as one multi-document file on stdin.
    const [deploy, svc] = broken.blocks;
    const stdin = `${deploy.text}---\n${svc.text}`;
    const res = await runCli(['lint', '--no-config', '--format', 'json', '-'], { stdin });
    const report = JSON.parse(res.stdout) as { findings: Finding[] };
    const f = report.findings.find((x) => x.ruleId === 'target-port-no-container-port');
    expect(f).toMatchObject({ line: deploy.text.split('\n').length + broken.line, path: 'spec.ports[0].targetPort' });
    expect(res.code).toBe(report.findings.some((x) => x.severity === 'error') ? 1 : 0);
  });
});
