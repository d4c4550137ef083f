/**
 * Two projects, one run. The tests in DIST_TESTS run the build (worker threads, real
 * processes), so their project's globalSetup rebuilds dist/ when it is older than src/; Jest
 * runs that setup only when one of those tests is selected, so a unit test run never waits for
 * a build.
 */
const DIST_TESTS = ['test/cli/lint-cli.test.ts', 'test/cli/bundle.test.ts', 'test/cli/watch.test.ts', 'test/lint/lazy-yaml.test.ts', 'test/lint/parallel.test.ts', 'test/scenarios/workers.test.ts', 'test/hostile/signals.test.ts', 'test/browser/report.test.ts', 'test/browser/playground.test.ts', 'test/docs-commands.test.ts'];

const project = {
  rootDir: __dirname,
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...project, testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...DIST_TESTS.map((t) => `<rootDir>/${t.replace(/\./g, '\\.')}$`)] },
    { ...project, testMatch: DIST_TESTS.map((t) => `<rootDir>/${t}`), globalSetup: '<rootDir>/test/setup/fresh-dist.ts' },
  ],
};
