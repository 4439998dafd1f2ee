import { SAVE_VERSION } from '../store/saved-state';

/**
 * This tab's progress as a file in the saved format: the run, settings, imported drills and the
 * draft as they are in memory — which is what is at stake when storage is full, refused, holds
 * a newer save or another tab's.
 */
export function progressFile(state: { run: unknown; settings: unknown; imports: unknown; draft: unknown }): string {
  const { run, settings, imports, draft } = state;
  return `${JSON.stringify({ state: { run, settings, imports, draft }, version: SAVE_VERSION }, null, 2)}\n`;
}
