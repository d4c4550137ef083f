import * as path from 'node:path';
import { scenario, tempTree, WEB_DEPLOYMENT } from './fixtures';

// One small scenario must run in < 0.5 s including startup (issue 4), and module loading
// dominates that: the scenario loader must not require what a plain run does not use.
describe('startup: what loading a scenario requires', () => {
  test('ajv (~50 ms to load) is not required while the precompiled validator matches the schema', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n'), 's/deploy.yaml': WEB_DEPLOYMENT });
    const loaded: string[] = [];
    let ok: boolean | undefined;
    jest.isolateModules(() => {
      jest.doMock('ajv', () => {
        loaded.push('ajv');
        return jest.requireActual('ajv');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = require('../../src/scenario/load') as typeof import('../../src/scenario/load');
      ok = load.loadScenario(path.join(root, 's'), root).ok;
    });
    expect(ok).toBe(true);
    expect(loaded).toEqual([]);
  });

  test('a stale precompiled validator is not used: the schema is compiled with ajv then, with the same answers', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  lint: { erors: 0 }\n') });
    const loaded: string[] = [];
    let messages: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('ajv', () => {
        loaded.push('ajv');
        return jest.requireActual('ajv');
      });
      jest.doMock('../../src/scenario/scenario-validator.generated', () => Object.assign(() => true, { schemaHash: 'stale' }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = require('../../src/scenario/load') as typeof import('../../src/scenario/load');
      const r = load.loadScenario(path.join(root, 's'), root);
      messages = r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
    });
    expect(loaded).toEqual(['ajv']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^6:11 unknown key "erors" in expect.lint \(did you mean "errors"\?\)/);
  });

  test('the runner (linter + simulator) is required only when a scenario runs in this thread, not to find or hand out scenarios', async () => {
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n'), 's/deploy.yaml': WEB_DEPLOYMENT });
    const loaded: string[] = [];
    let index: typeof import('../../src/scenario/index') | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../src/scenario/run', () => {
        loaded.push('run');
        return jest.requireActual('../../src/scenario/run');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      index = require('../../src/scenario/index') as typeof import('../../src/scenario/index');
    });
    expect((await index!.findScenarios([], root)).dirs).toHaveLength(1);
    expect(loaded).toEqual([]);
    const run = await index!.runScenarios([], { cwd: root, jobs: 1 });
    expect(run.summary.passed).toBe(1);
    expect(loaded).toEqual(['run']);
  });
});
