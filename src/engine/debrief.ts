/** The after-action report (复盘), derived from a finished (or unfinished) run. */
import type { Dimension, EndingNode, Scenario } from '../scenario/schema';
import { fillText } from './fill-text';
import { holdsNow } from './run';
import { findChoice, findNode } from './scenario-index';
import { eventDecision } from './score-events';
import { DEFAULT_BASE, DIMENSIONS, dimensionScores } from './scoring';
import type { RunState, ScoreEvent, TimelineEntry } from './types';

/** An ending's tone, in words. */
export const TONE_LABEL = { good: '较好的结局', mixed: '得失参半的结局', bad: '失败的结局' } as const;

export interface DimensionReport {
  dimension: Dimension;
  score: number;
  base: number;
  events: ScoreEvent[];
}

export interface TimelineRow extends TimelineEntry {
  decision: number;
  nodeTitle: string;
  choiceLabel: string;
  feedback: string;
  events: ScoreEvent[];
}

export interface Report {
  ending: EndingNode | null;
  /** The ending's text, its placeholders filled at the end. */
  endingText: string;
  /** The ending's paragraphs whose conditions hold at the end: what this trainee did. */
  endingDetails: string[];
  dimensions: DimensionReport[];
  timeline: TimelineRow[];
  /** Events not tied to one decision: key actions never taken, scored at the end. */
  closingEvents: ScoreEvent[];
  totals: { decisions: number; timeouts: number; realMs: number; gameMinutes: number };
}

export { eventDecision, referencesOf } from './score-events';

export function debrief(scenario: Scenario, state: RunState): Report {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const base = scenario.scoring?.base ?? DEFAULT_BASE;
  const endingNode = state.ending ? findNode(scenario, state.ending) : undefined;
  const timeline = state.timeline.map((entry, decision): TimelineRow => {
    const node = findNode(scenario, entry.nodeId);
    const choice = node?.kind === 'decision' ? findChoice(node, entry.choiceId) : undefined;
    return {
      ...entry,
      decision,
      nodeTitle: node?.title ?? entry.nodeId,
      choiceLabel: choice?.label ?? entry.choiceId,
      feedback: fillText(choice?.feedback ?? '', scenario, { clock: entry.clockAfter, vars: entry.varsAfter }),
      events: state.scoreEvents.filter((e) => eventDecision(e) === decision),
    };
  });
  const ending = endingNode?.kind === 'ending' ? endingNode : null;
  const atEnd = { clock: state.clock, vars: state.vars };
  return {
    ending,
    endingText: fillText(ending?.text ?? '', scenario, atEnd),
    endingDetails: (ending?.details ?? [])
      .filter((x) => holdsNow(scenario, state, x.when))
      .map((x) => fillText(x.text, scenario, atEnd)),
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      score: scores[dimension],
      base,
      events: state.scoreEvents.filter((e) => e.dimension === dimension),
    })),
    timeline,
    closingEvents: state.scoreEvents.filter((e) => eventDecision(e) === null),
    totals: {
      decisions: state.timeline.length,
      timeouts: state.timeline.filter((t) => t.timedOut).length,
      realMs: state.timeline.reduce((sum, t) => sum + t.realMs, 0),
      gameMinutes: state.clock,
    },
  };
}
