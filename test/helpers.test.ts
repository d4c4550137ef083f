/**
 * The decision behind `describeWithShared`: the corpus and seed suites read ../shared, which
 * lives outside the repository. Present: they run. Missing under CI: they fail, because CI
 * clones main with ../shared beside it and a green run without it would prove nothing.
 * Missing elsewhere: they skip, saying why.
 */
import { isCI, sharedDecision } from './helpers';

const SEED = '/nowhere/shared/seeds/000.txt';
const CORPUS = '/nowhere/shared/corpus/real-world';
const present = (...paths: string[]) => (p: string) => paths.includes(p);

describe('sharedDecision', () => {
  test('every required path present: run, whatever CI says', () => {
    expect(sharedDecision([SEED, CORPUS], { CI: 'true' }, present(SEED, CORPUS))).toEqual({ action: 'run' });
    expect(sharedDecision([SEED], {}, present(SEED))).toEqual({ action: 'run' });
  });

  test('missing under CI: fail, naming the missing path and why CI expects it', () => {
    const d = sharedDecision([SEED, CORPUS], { CI: 'true' }, present(SEED));
    expect(d.action).toBe('fail');
    if (d.action === 'run') throw new Error('unreachable');
    expect(d.reason).toMatch(/^\/nowhere\/shared\/corpus\/real-world is missing\. /);
    expect(d.reason).not.toContain(SEED);
    expect(d.reason).toContain('CI clones main with ../shared beside it');
    expect(d.reason).toContain('SVCLAB_SHARED');
  });

  test('missing outside CI: skip with the reason', () => {
    const d = sharedDecision([SEED, CORPUS], {}, present());
    expect(d).toEqual({ action: 'skip', reason: `skipped: ${SEED}, ${CORPUS} are missing (set SVCLAB_SHARED to run it; under CI this fails)` });
  });

  test('the real file system is asked when no existence check is given', () => {
    expect(sharedDecision([__filename], { CI: 'true' })).toEqual({ action: 'run' });
    expect(sharedDecision(['/nowhere/svclab-shared'], { CI: 'true' }).action).toBe('fail');
  });
});

describe('isCI: CI set to anything but empty, false or 0', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
    ['yes', true],
  ])('CI=%p -> %p', (value, expected) => {
    expect(isCI(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});
