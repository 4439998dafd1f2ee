/**
 * One line of play written out step by step, for an author who wants to see what a run does
 * without clicking through it (`npm run playtest -- FILE --line a,b,c`): each decision with the
 * choice taken, the in-game time, the measures, what the variables and injects did, every region
 * after it, and every score event with its reason; then the ending and the three scores. A step
 * is a choice id, its number as the trainee sees it (1 for the first choice offered), or `wait`
 * to let the countdown run out. Pure and deterministic for a given seed.
 */
import type { Dimension, Measure, Scenario } from '../scenario/schema';
import { fillText } from './fill-text';
import { type RequestNews, requestNews } from './requests';
import { choose, currentDecision, offeredChoices, snapshot, start } from './run';
import { findNode } from './scenario-index';
import { dimensionScores } from './scoring';
import { type RegionSnapshot, type ScoreEvent, TIMEOUT, type VarValue } from './types';

/** The word a line uses for letting the countdown run out. */
export const WAIT = 'wait';

export interface TracedStep {
  /** From 1, as the trainee counts decisions. */
  step: number;
  nodeId: string;
  nodeTitle: string;
  /** The situation as the trainee read it, its placeholders filled when the node was met. */
  nodeText: string;
  choiceId: string;
  choiceLabel: string;
  /** The choice's feedback, its placeholders filled as the trainee reads it. */
  feedback: string;
  timedOut: boolean;
  /** In-game minutes since the start: when decided, and when the next situation was met. */
  clockAt: number;
  clockNext: number;
  measures: Measure[];
  changes: { var: string; from: VarValue; to: VarValue }[];
  injects: { id: string; title: string; clock: number }[];
  /** Requests to the level above made, granted or refused during this step, at their minute. */
  requests: RequestNews[];
  regions: (RegionSnapshot & { id: string; name: string })[];
  scores: ScoreEvent[];
}

export interface LineTrace {
  steps: TracedStep[];
  /** The ending reached, or null when the line stopped before one. */
  ending: { id: string; title: string } | null;
  scores: Record<Dimension, number>;
  /** Why the line stopped early: a step that is not on offer, or steps left after the ending. */
  problem: string | null;
}

/** Reads "a, b ,3,wait" as its steps. */
export function parseLine(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Plays `steps` from the start, `realMs` of real time for each decision taken before its countdown runs out. */
export function traceLine(scenario: Scenario, steps: readonly string[], seed = 1, realMs = 1000): LineTrace {
  const injectTitle = new Map((scenario.injects ?? []).map((x) => [x.id, x.title]));
  const regionsOf = (state: ReturnType<typeof start>) =>
    snapshot(state.world).map((r, i) => {
      const region = scenario.regions?.[i];
      return { id: region?.id ?? String(i), name: region?.name ?? String(i), ...r };
    });
  let state = start(scenario, seed);
  const traced: TracedStep[] = [];
  let problem: string | null = null;

  for (const [i, word] of steps.entries()) {
    const node = currentDecision(scenario, state);
    if (!node) {
      problem = `第 ${i + 1} 步（${word}）：演练在第 ${i} 步之后已经结束，多出的步骤没有走。`;
      break;
    }
    const offered = offeredChoices(scenario, state);
    const menu = offered.map((c, k) => `${k + 1} ${c.id}`).join('、');
    let move: string | undefined;
    if (word === WAIT || word === TIMEOUT) {
      if (node.timeLimitSec === undefined) {
        problem = `第 ${i + 1} 步（${word}）：「${node.title}」（${node.id}）不限时，不能等倒计时用完；可选：${menu}。`;
        break;
      }
      move = TIMEOUT;
    } else if (/^\d+$/.test(word)) {
      move = offered[Number(word) - 1]?.id;
    } else if (offered.some((c) => c.id === word)) {
      move = word;
    }
    if (move === undefined) {
      problem = `第 ${i + 1} 步（${word}）：「${node.title}」（${node.id}）此时没有这个选项；可选：${menu}${node.timeLimitSec === undefined ? '' : `，或 ${WAIT}（等倒计时用完）`}。`;
      break;
    }
    const [next, events] = choose(scenario, state, move, move === TIMEOUT ? (node.timeLimitSec ?? 0) * 1000 : realMs);
    const entry = next.timeline[next.timeline.length - 1];
    const choice = node.choices.find((c) => c.id === entry?.choiceId);
    traced.push({
      step: i + 1,
      nodeId: node.id,
      nodeTitle: node.title,
      nodeText: fillText(node.text, scenario, state),
      choiceId: entry?.choiceId ?? move,
      choiceLabel: choice?.label ?? move,
      feedback:
        choice && entry ? fillText(choice.feedback, scenario, { clock: entry.clockAfter, vars: entry.varsAfter }) : '',
      timedOut: entry?.timedOut ?? false,
      clockAt: entry?.clockAt ?? state.clock,
      clockNext: entry?.clockNext ?? next.clock,
      measures: choice?.world ?? [],
      changes: events.flatMap((e) => (e.type === 'changed' ? [{ var: e.var, from: e.from, to: e.to }] : [])),
      injects: events.flatMap((e) =>
        e.type === 'inject' ? [{ id: e.id, title: injectTitle.get(e.id) ?? e.id, clock: e.clock }] : [],
      ),
      requests: requestNews(next.grants, state.clock, next.clock),
      regions: regionsOf(next),
      scores: events.flatMap((e) => (e.type === 'scored' ? [e.event] : [])),
    });
    state = next;
  }
  const ending = state.ending === null ? null : findNode(scenario, state.ending);
  return {
    steps: traced,
    ending: ending ? { id: ending.id, title: ending.title } : null,
    scores: dimensionScores(scenario, state.scoreEvents),
    problem:
      problem ??
      (state.ending === null
        ? `走完 ${steps.length} 步还没有到结局：停在「${currentDecision(scenario, state)?.title ?? state.nodeId}」（${state.nodeId}）。`
        : null),
  };
}
