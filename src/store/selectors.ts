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
  if (!entry) {
    const reason = run.origin
      ? '试玩的剧本现在有错误，或已不在编写视图中，原来的试玩无法继续。'
      : '这次演练已不在演练库中，原来的进度无法继续。';
    return { kind: 'unavailable', run, reason };
  }
  if (entry.hash !== run.hash) {
    const what = run.origin ? '试玩的剧本已经改动' : '这次演练的内容已更新';
    return { kind: 'unavailable', run, reason: `${what}，原来的进度无法继续。` };
  }
  const derived = deriveRun(entry.scenario, run.seed, run.decisions, run.origin);
  if (!derived.ok) return { kind: 'unavailable', run, reason: '保存的进度与演练内容不符，无法继续。' };
  return { kind: 'playing', run, entry, derived };
}
