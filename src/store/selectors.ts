/** Derived values: pure functions of the store's state. */

import { TIMEOUT } from '../engine/types';
import type { AppState } from './app-store';
import { type Derived, deriveRun } from './derive-run';
import { type LibraryEntry, PLAYED_ID } from './library-slice';
import type { Run } from './run-slice';

export type ActiveRun =
  | { kind: 'none' }
  | { kind: 'waiting' }
  | {
      kind: 'playing';
      run: Run;
      entry: LibraryEntry;
      derived: Extract<Derived, { ok: true }>;
      /** A finished run shown on the version it was played on, the drill having changed since. */
      outdated?: boolean;
    }
  /** `restart`: the drill is there, in a version the run no longer fits: it can be started again. */
  | { kind: 'unavailable'; run: Run; reason: string; restart?: boolean };

/** The run in progress, checked against the drill it was played on. */
export function selectActiveRun(s: Pick<AppState, 'run' | 'library'>): ActiveRun {
  const run = s.run;
  if (!run) return { kind: 'none' };
  if (s.library.status === 'loading') return { kind: 'waiting' };
  const entry = s.library.entries[run.scenarioId];
  if (entry && entry.hash === run.hash) {
    const derived = deriveRun(entry.scenario, run.seed, run.decisions, run.origin);
    if (!derived.ok) return { kind: 'unavailable', run, reason: '保存的进度与演练内容不符，无法继续。' };
    return { kind: 'playing', run, entry, derived };
  }
  if (run.origin) {
    const reason = entry
      ? '试玩的剧本已经改动，原来的试玩无法继续。'
      : '试玩的剧本现在有错误，或已不在编写视图中，原来的试玩无法继续。';
    return { kind: 'unavailable', run, reason };
  }
  // The drill changed since the run started (a run that still fitted was moved on at start).
  const kept = s.library.entries[PLAYED_ID];
  const played = kept?.scenario.id === run.scenarioId ? kept : undefined;
  if (run.view === 'debrief' && played) {
    const derived = deriveRun(played.scenario, run.seed, run.decisions);
    if (derived.ok) return { kind: 'playing', run, entry: played, derived, outdated: true };
  }
  if (!entry) return { kind: 'unavailable', run, reason: '这次演练已不在演练库中，原来的进度无法继续。' };
  return { kind: 'unavailable', run, reason: changedDecision(run, entry, played), restart: true };
}

/** Which decision of the run the updated drill no longer has, in the trainee's words. */
function changedDecision(run: Run, entry: LibraryEntry, played: LibraryEntry | undefined): string {
  const derived = deriveRun(entry.scenario, run.seed, run.decisions);
  const index = derived.ok ? null : derived.error.decision;
  const decision = index === null ? undefined : run.decisions[index];
  if (index === null || !decision) return `“${entry.scenario.title}”已经更新，原来的进度无法在新版本上继续。`;
  // The label as the trainee saw it, from the version the run was played on.
  const old = played ? deriveRun(played.scenario, run.seed, run.decisions.slice(0, index)) : null;
  const node = old?.ok ? played?.scenario.nodes.find((n) => n.id === old.state.nodeId) : undefined;
  const label =
    decision.choiceId === TIMEOUT
      ? '限时内没有作出决定'
      : node?.kind === 'decision'
        ? node.choices.find((c) => c.id === decision.choiceId)?.label
        : undefined;
  return `“${entry.scenario.title}”已经更新：你的第 ${index + 1} 个决定${label ? `“${label}”` : ''}在新版本中已不存在，原来的进度无法继续。可以按新版本重新开始。`;
}
