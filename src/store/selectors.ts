/** Derived values: pure functions of the store's state. */

import type { AppState } from './app-store';
import { type Derived, deriveRun } from './derive-run';
import type { LibraryEntry } from './library-slice';
import type { Run } from './run-slice';

export type ActiveRun =
  | { kind: 'none' }
  | { kind: 'waiting' }
  | { kind: 'playing'; run: Run; entry: LibraryEntry; derived: Extract<Derived, { ok: true }> }
  | { kind: 'unavailable'; run: Run; reason: string };

/** The run in progress, checked against the drill it was played on. */
export function selectActiveRun(s: Pick<AppState, 'run' | 'library'>): ActiveRun {
  const run = s.run;
  if (!run) return { kind: 'none' };
  if (s.library.status === 'loading') return { kind: 'waiting' };
  const entry = s.library.entries[run.scenarioId];
  if (!entry) return { kind: 'unavailable', run, reason: '这次演练所用的情景已不在演练库中，无法继续。' };
  if (entry.hash !== run.hash) {
    return { kind: 'unavailable', run, reason: '这次演练所用的情景文件已经修改，原来的进度无法在新内容上继续。' };
  }
  const derived = deriveRun(entry.scenario, run.seed, run.decisions);
  if (!derived.ok) return { kind: 'unavailable', run, reason: '保存的进度与情景内容不符，无法继续。' };
  return { kind: 'playing', run, entry, derived };
}

export function selectLibraryEntries(s: AppState): LibraryEntry[] {
  return Object.values(s.library.entries);
}
