import type { Dimension, Scenario, TimeWindow } from '../scenario/schema';
import { parseDuration } from './clock';
import type { ScoreEvent } from './types';

export const DIMENSIONS: readonly Dimension[] = ['timeliness', 'legality', 'coordination'];

export const DIMENSION_LABEL: Record<Dimension, string> = {
  timeliness: '时效',
  legality: '依法',
  coordination: '协同',
};

export const DEFAULT_BASE = 60;
export const DEFAULT_TIMEOUT_PENALTY = 5;
export const DEFAULT_WINDOW_CREDIT = 10;
export const DEFAULT_WINDOW_PENALTY = 20;

/** "45 分钟", "2 小时", "1 天 3 小时 20 分钟" */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days} 天` : '', hours ? `${hours} 小时` : '', mins ? `${mins} 分钟` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 分钟';
}

/**
 * The timeliness event for a key action done at `doneAt` (in-game minutes), or never done (null).
 * Full credit up to `ideal`; from there a straight line down to minus `penalty` at `latest`; after
 * `latest`, or never, the full penalty.
 */
export function timeWindowEvent(window: TimeWindow, doneAt: number | null, decision: number | null): ScoreEvent {
  const ideal = parseDuration(window.ideal);
  const latest = parseDuration(window.latest);
  const credit = window.credit ?? DEFAULT_WINDOW_CREDIT;
  const penalty = window.penalty ?? DEFAULT_WINDOW_PENALTY;
  const limits = `理想时限为开局后 ${formatDuration(ideal)}，最迟 ${formatDuration(latest)}`;
  let delta: number;
  let reason: string;
  if (doneAt === null) {
    delta = -penalty;
    reason = `始终未完成“${window.label}”（${limits}）。`;
  } else if (doneAt <= ideal) {
    delta = credit;
    reason = `“${window.label}”在开局后 ${formatDuration(doneAt)} 完成，在理想时限之内（${limits}）。`;
  } else if (doneAt <= latest) {
    const late = (doneAt - ideal) / Math.max(1, latest - ideal);
    delta = Math.round(credit - (credit + penalty) * late);
    reason = `“${window.label}”在开局后 ${formatDuration(doneAt)} 才完成，晚于理想时限，越晚得分越低（${limits}）。`;
  } else {
    delta = -penalty;
    reason = `“${window.label}”在开局后 ${formatDuration(doneAt)} 才完成，已超过最迟时限（${limits}）。`;
  }
  return {
    dimension: 'timeliness',
    delta,
    reason,
    source: { kind: 'timeWindow', windowId: window.id, decision },
    // A copy, so that a run state holding this event never shares (and freezes) the scenario's array.
    refs: [...(window.refs ?? [])],
  };
}

/** Each dimension: the drill's base (default 60) plus the sum of its events' deltas, clamped to 0–100. */
export function dimensionScores(scenario: Scenario, events: readonly ScoreEvent[]): Record<Dimension, number> {
  const base = scenario.scoring?.base ?? DEFAULT_BASE;
  const scores = { timeliness: base, legality: base, coordination: base };
  for (const e of events) scores[e.dimension] += e.delta;
  for (const d of DIMENSIONS) scores[d] = Math.min(100, Math.max(0, scores[d]));
  return scores;
}
