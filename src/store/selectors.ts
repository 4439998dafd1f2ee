/** Derived values: pure functions of the store's state (and of its cache of the last replay). */

import type { RunState } from '../engine/types';
import { TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import type { AppState, CheckedDrill } from './app-state';
import type { DerivedRunCache } from './derive-run';
import type { SavedRun } from './saved-state';

/** The saved run checked against the drills there are now: what the shell shows for it. */
export type RunAvailability =
  | { kind: 'none' }
  /** The library is still loading: the run's drill cannot be told yet. */
  | { kind: 'waiting' }
  | {
      kind: 'playing';
      run: SavedRun;
      /** The drill the run is shown on: its current version, or (when `outdated`) the one it was played on. */
      scenario: Scenario;
      /** The run's state, replayed from its log on `scenario`. */
      state: RunState;
      /** A finished run shown on the version it was played on, the drill having changed since. */
      outdated?: boolean;
    }
  /** `restart`: the drill is there, in a version the run no longer fits: it can be started again. */
  | {
      kind: 'unavailable';
      run: SavedRun;
      reason: string;
      restart?: boolean;
      /** The drill's chunk could not be fetched: fetching it again may bring the run back. */
      retry?: boolean;
    };

/** The parts of the state a run's availability depends on. */
export type RunSources = Pick<AppState, 'run' | 'library' | 'draftDrill' | 'playedDrill'>;

/** The current version of the drill the run plays: a trial's is the authoring view's draft, a trainee's is in the library. */
export function drillOfRun(state: Pick<AppState, 'run' | 'library' | 'draftDrill'>): CheckedDrill | undefined {
  const { run } = state;
  if (!run) return undefined;
  if (run.origin) return state.draftDrill ?? undefined;
  const entry = state.library.entries[run.scenarioId];
  return entry?.scenario ? { scenario: entry.scenario, hash: entry.hash } : undefined;
}

/** The run in progress, checked against the drill it was played on. */
export function selectRunAvailability(state: RunSources, derivedRuns: DerivedRunCache): RunAvailability {
  const { run } = state;
  if (!run) return { kind: 'none' };
  if (state.library.status === 'loading') return { kind: 'waiting' };
  // A shipped drill whose chunk has not arrived: the run waits for it, and keeps its progress if it fails.
  const entry = run.origin ? undefined : state.library.entries[run.scenarioId];
  if (entry && !entry.scenario) {
    if (entry.failure === null) return { kind: 'waiting' };
    const reason = `演练内容没有载入成功（${entry.failure}）。进度已经保存：请检查网络后重试。`;
    return { kind: 'unavailable', run, reason, retry: true };
  }
  const drill = drillOfRun(state);
  if (drill && drill.hash === run.hash) {
    const replayed = derivedRuns.derive(drill.scenario, run.seed, run.decisions, run.origin, run.timeLimits);
    if (!replayed.ok) return { kind: 'unavailable', run, reason: '保存的进度与演练内容不符，无法继续。' };
    return { kind: 'playing', run, scenario: drill.scenario, state: replayed.state };
  }
  if (run.origin) {
    const reason = drill
      ? '试玩的剧本已经改动，原来的试玩无法继续。'
      : '试玩的剧本现在有错误，或已不在编写视图中，原来的试玩无法继续。';
    return { kind: 'unavailable', run, reason };
  }
  // The drill changed since the run started (a run that still fitted was moved on at start).
  const played = state.playedDrill?.id === run.scenarioId ? state.playedDrill : undefined;
  if (run.view === 'debrief' && played) {
    const replayed = derivedRuns.derive(played, run.seed, run.decisions, undefined, run.timeLimits);
    if (replayed.ok) return { kind: 'playing', run, scenario: played, state: replayed.state, outdated: true };
  }
  if (!drill) return { kind: 'unavailable', run, reason: '这次演练已不在演练库中，原来的进度无法继续。' };
  return {
    kind: 'unavailable',
    run,
    reason: changedDecision(run, drill.scenario, played, derivedRuns),
    restart: true,
  };
}

/** Which decision of the run the updated drill no longer has, in the trainee's words. */
function changedDecision(
  run: SavedRun,
  current: Scenario,
  played: Scenario | undefined,
  derivedRuns: DerivedRunCache,
): string {
  const onCurrent = derivedRuns.derive(current, run.seed, run.decisions, undefined, run.timeLimits);
  const index = onCurrent.ok ? null : onCurrent.error.decision;
  const decision = index === null ? undefined : run.decisions[index];
  if (index === null || !decision) return `“${current.title}”已经更新，原来的进度无法在新版本上继续。`;
  // The label as the trainee saw it, from the version the run was played on.
  const onPlayed = played
    ? derivedRuns.derive(played, run.seed, run.decisions.slice(0, index), undefined, run.timeLimits)
    : null;
  const node = onPlayed?.ok ? played?.nodes.find((n) => n.id === onPlayed.state.nodeId) : undefined;
  const label =
    decision.choiceId === TIMEOUT
      ? '限时内没有作出决定'
      : node?.kind === 'decision'
        ? node.choices.find((c) => c.id === decision.choiceId)?.label
        : undefined;
  return `“${current.title}”已经更新：你的第 ${index + 1} 个决定${label ? `“${label}”` : ''}在新版本中已不存在，原来的进度无法继续。可以按新版本重新开始。`;
}
