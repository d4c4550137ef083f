/**
 * glob, loaded only when an operand (or a scenario's `manifests:` entry) is a pattern: most runs
 * name files and folders, and loading glob would cost them startup time.
 */
export function globModule(): typeof import('glob') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('glob') as typeof import('glob');
}

/** Does `text` contain glob syntax (checked cheaply before glob itself is loaded)? */
export function isGlobPattern(text: string): boolean {
  return /[*?[\]{}()!+@]/.test(text) && globModule().hasMagic(text, { windowsPathsNoEscape: true });
}
