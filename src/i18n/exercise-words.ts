/**
 * svclab's own words in exercise mode (`svclab test` on an exercise), in an English and a Korean
 * edition written for learners. Commands, file names, rule ids and field paths are passed in as
 * they are: they stay untranslated.
 */
import type { Lang } from './lang';

export interface ExerciseWords {
  task: string;
  /** `hint 2/3:` */
  hint: (n: number, total: number) => string;
  /** After the hints shown so far: how to see the next one. */
  moreHints: (shown: number, total: number) => string;
  next: string;
  /** What to do: fix the files in DIR, then re-run. */
  fixThenRerun: (dir: string, rerun: string) => string;
  /** The re-run under --watch. */
  saveToRerun: string;
  /** The re-run command (already formatted). */
  runAgain: (command: string) => string;
  /** Then go on with the next exercise. */
  thenNext: (next: string) => string;
  solved: string;
  nextExercise: (command: string) => string;
  lastExercise: string;
  debrief: string;
  /** The learner's lint errors come first. */
  learnerErrors: (n: number) => string;
  help: string;
  /** The why-chain of failed routes is shown from the second failed run on. */
  whyLater: string;
}

export const EXERCISE_WORDS: Readonly<Record<Lang, ExerciseWords>> = {
  en: {
    task: 'task:',
    hint: (n, total) => `hint ${n}/${total}:`,
    moreHints: (shown, total) => `(${total - shown} more hint${total - shown === 1 ? '' : 's'}: the next failed run shows one more, or add --hint ${shown + 1})`,
    next: 'next:',
    fixThenRerun: (dir, rerun) => `fix the manifests in ${dir}, then ${rerun}`,
    saveToRerun: 'save a file and this exercise runs again',
    runAgain: (command) => `run ${command} again (add --watch to re-run on every save)`,
    thenNext: (next) => `; once it passes, go on with ${next}`,
    solved: 'solved!',
    nextExercise: (command) => `next exercise: ${command}`,
    lastExercise: 'that was the last exercise',
    debrief: 'what you just saw:',
    learnerErrors: (n) => `your manifests have ${n} error${n === 1 ? '' : 's'} (svclab lint): fix ${n === 1 ? 'it' : 'them'} first; the failures below follow from ${n === 1 ? 'it' : 'them'}`,
    help: 'help:',
    whyLater: '(why each request fails is shown from the second failed run on, or add --explain)',
  },
  ko: {
    task: '과제:',
    hint: (n, total) => `힌트 ${n}/${total}:`,
    moreHints: (shown, total) => `(힌트가 ${total - shown}개 더 있어요. 다음에 또 실패하면 하나 더 보여 드려요. 지금 보려면 --hint ${shown + 1} 옵션을 붙이세요)`,
    next: '다음:',
    fixThenRerun: (dir, rerun) => `${dir}의 매니페스트를 고친 다음, ${rerun}`,
    saveToRerun: '파일을 저장하면 이 연습문제가 다시 실행돼요',
    runAgain: (command) => `${command} 명령을 다시 실행하세요 (--watch 옵션을 붙이면 저장할 때마다 다시 실행돼요)`,
    thenNext: (next) => `. 통과하면 ${next} 연습문제로 넘어가세요`,
    solved: '해결했어요!',
    nextExercise: (command) => `다음 연습문제: ${command}`,
    lastExercise: '마지막 연습문제였어요',
    debrief: '방금 확인한 것:',
    learnerErrors: (n) => `매니페스트에 오류가 ${n}개 있어요 (svclab lint). 이것부터 고치세요. 아래의 실패는 이 오류 때문에 생긴 거예요`,
    help: '도움말:',
    whyLater: '(요청이 왜 실패하는지는 두 번째 실패부터 보여 드려요. 지금 보려면 --explain 옵션을 붙이세요)',
  },
};
