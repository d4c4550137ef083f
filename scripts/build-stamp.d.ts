/** Types of build-stamp.js, for the tests' globalSetup (test/setup/fresh-dist.ts). */
export function inputsDigest(root: string): string;
export function recordBuildInputs(root: string): void;
export function stampBuild(root: string): void;
export function distState(root: string): 'fresh' | 'stale' | 'missing';
