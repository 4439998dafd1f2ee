/**
 * The after-action report (复盘报告), after HSEEP's AAR/IP: an overview with each dimension rated,
 * the strengths and areas for improvement under each dimension — the score events grouped by their
 * cause, largest first, each with what it cites — and an improvement plan an instructor can hand
 * back: the issue, the recommended action, the reference. Pure: built from the drill and the run,
 * and, once the search has weighed the run, from what each decision cost.
 */
import type { DecisionCost } from '../engine/best-line';
import { parseDuration } from '../engine/clock';
import { referencesOf } from '../engine/debrief';
import { findChoice, findNode, scenarioIndex } from '../engine/scenario-index';
import { DEFAULT_BASE, DIMENSION_LABEL, DIMENSIONS, dimensionScores, formatDuration } from '../engine/scoring';
import { type RunState, type ScoreEvent, TIMEOUT } from '../engine/types';
import type { Dimension, Reference, Scenario, ScoringRuleName } from '../scenario/schema';
import { type Rating, rate } from './ratings';

/** Score events with one cause: one choice, one time window, one automatic rule. */
export interface Finding {
  dimension: Dimension;
  /** What happened, as a heading: "在「接到报告」时选择「先派人核实」". */
  cause: string;
  /** The points it brought, summed. */
  delta: number;
  /** The distinct reasons the events give. */
  reasons: string[];
  refs: Reference[];
  /** The decisions it came from (0-based), where it came from any. */
  decisions: number[];
  /** What groups it: the same key is the same cause. */
  key: string;
}

export interface DimensionAssessment {
  dimension: Dimension;
  score: number;
  rating: Rating;
  /** One sentence on what the rating means for this run. */
  summary: string;
  strengths: Finding[];
  improvements: Finding[];
}

/** One cause of lost points, over every dimension it cost, with what to do instead. */
export interface PlanRow {
  /** The cause's key: one row a cause. */
  key: string;
  issue: string;
  /** The reasons its score events gave. */
  why: string;
  action: string;
  /** Points it cost on each dimension it cost any (positive), in the dimensions' order. */
  lost: { dimension: Dimension; points: number }[];
  /** The decisions it came from (0-based). */
  decisions: number[];
  refs: Reference[];
}

export interface AfterActionReport {
  drill: string;
  role: string;
  ending: { title: string; tone?: 'good' | 'mixed' | 'bad' } | null;
  /** Real milliseconds spent on the decisions, and in-game minutes the run lasted. */
  realMs: number;
  gameMinutes: number;
  base: number;
  dimensions: DimensionAssessment[];
  /** The improvement plan's rows, and how many smaller causes of lost points it leaves out. */
  plan: { rows: PlanRow[]; more: number };
}

/** How many strengths and areas for improvement each dimension lists: the largest first. */
export const FINDINGS_SHOWN = 3;

/** What each automatic rule is about, as a cause, and what to do instead when it cost points. */
export const RULE_CAUSE: Record<ScoringRuleName, { cause: string; action: string }> = {
  unlawfulPower: {
    cause: '行使了不属于你的职权',
    action: '行使这项职权前，依法报请有权的机关决定，或取得授权；来不及时先做职权之内的事，并同时报告。',
  },
  disproportionate: {
    cause: '措施超出了风险所需',
    action: '措施的强度、范围和时间同风险相称：能用较轻的手段控制住，就不用更重的。',
  },
  notify: { cause: '向相关地区通报疫情', action: '及时向相邻和相关地区通报疫情信息。' },
  withhold: { cause: '没有向相关地区通报疫情', action: '及时向相邻和相关地区通报疫情信息，不瞒报、不迟报。' },
  send: { cause: '向其他地区调出支援', action: '在保障本地需要的同时，按统一调度支援其他地区。' },
  letThrough: { cause: '放行过境的物资', action: '对过境的防控和生活物资一律放行。' },
  intercept: {
    cause: '截留了其他地区的物资',
    action: '不截留过境物资；本地短缺时，依法报请调拨或征用，并给予补偿。',
  },
  closeRoad: {
    cause: '擅自阻断交通',
    action: '不擅自封路断交；确需交通卫生检疫的，依法报请决定后设立检疫站点。',
  },
  escalate: {
    cause: '在上级要求之上层层加码',
    action: '执行上级确定的防控强度，不层层加码；本地确需加强的，说明依据并报告。',
  },
  align: { cause: '与上级的防控要求保持一致', action: '执行上级确定的防控强度。' },
  unreported: {
    cause: '行使职权后没有按时报告',
    action: '行使这项职权的同时或在规定时限内，向上级人民政府报告。',
  },
  outcome: {
    cause: '防控措施开始的时机',
    action: '防控措施越早开始，疫情越小：核实与报告并行，不等齐了再动。',
  },
};

interface Group {
  dimension: Dimension;
  key: string;
  cause: string;
  events: ScoreEvent[];
  decisions: Set<number>;
}

function decisionOf(event: ScoreEvent): number | null {
  return event.source.decision;
}

/** The cause an event has, as a key and as words. */
function causeOf(scenario: Scenario, state: RunState, event: ScoreEvent): { key: string; cause: string } {
  const source = event.source;
  switch (source.kind) {
    case 'choice':
    case 'timeout': {
      // What a countdown running out brought — its penalty and what the default did — is one cause,
      // however many decisions it happened at: letting the clock decide.
      if (source.kind === 'timeout' || state.timeline[source.decision]?.timedOut) {
        return { key: 'timeout', cause: '限时内没有作出决定，按默认处置' };
      }
      const node = findNode(scenario, source.nodeId);
      const choice = node?.kind === 'decision' ? findChoice(node, source.choiceId) : undefined;
      return {
        key: `choice:${source.nodeId}:${source.choiceId}`,
        cause: `在「${node?.title ?? source.nodeId}」时选择「${choice?.label ?? source.choiceId}」`,
      };
    }
    case 'timeWindow': {
      const window = scenarioIndex(scenario).window.get(source.windowId);
      const done = state.completed[source.windowId];
      const label = window?.label ?? source.windowId;
      return {
        key: `window:${source.windowId}`,
        cause: done === undefined ? `始终没有完成“${label}”` : `“${label}”在开局后 ${formatDuration(done)} 完成`,
      };
    }
    case 'rule':
      return { key: `rule:${source.rule}`, cause: RULE_CAUSE[source.rule].cause };
  }
}

function findings(scenario: Scenario, state: RunState, dimension: Dimension): Finding[] {
  const groups = new Map<string, Group>();
  for (const event of state.scoreEvents) {
    if (event.dimension !== dimension || event.delta === 0) continue;
    const { key, cause } = causeOf(scenario, state, event);
    // Gains and losses of one rule are two findings: "notified one region, withheld from another".
    const signed = `${key}:${event.delta > 0 ? '+' : '-'}`;
    const group = groups.get(signed) ?? { dimension, key: signed, cause, events: [], decisions: new Set<number>() };
    group.events.push(event);
    const decision = decisionOf(event);
    if (decision !== null) group.decisions.add(decision);
    groups.set(signed, group);
  }
  return [...groups.values()].map((g) => {
    const refs = new Map<string, Reference>();
    for (const e of g.events) for (const r of referencesOf(scenario, e)) refs.set(r.id, r);
    return {
      dimension,
      cause: g.cause,
      delta: g.events.reduce((sum, e) => sum + e.delta, 0),
      reasons: [...new Set(g.events.map((e) => e.reason))],
      refs: [...refs.values()],
      decisions: [...g.decisions].sort((a, b) => a - b),
      key: g.key,
    };
  });
}

function summaryOf(dimension: Dimension, score: number, rating: Rating, all: Finding[]): string {
  const name = DIMENSION_LABEL[dimension];
  const head = `${name} ${score} 分，评为“${rating.grade}”：${rating.meaning}。`;
  const worst = all.filter((f) => f.delta < 0).sort((a, b) => a.delta - b.delta)[0];
  const best = all.filter((f) => f.delta > 0).sort((a, b) => b.delta - a.delta)[0];
  if (!worst && !best) return `${name} ${score} 分，评为“${rating.grade}”：这一项没有加分也没有失分，停在起评分。`;
  if (!worst) return `${head}得分最多的一项是${best?.cause}（+${best?.delta}）。`;
  if (!best) return `${head}失分最多的一项是${worst.cause}（−${-worst.delta}）。`;
  return `${head}失分最多的一项是${worst.cause}（−${-worst.delta}），得分最多的一项是${best.cause}（+${best.delta}）。`;
}

function choiceLabel(scenario: Scenario, nodeId: string, move: string): string {
  const node = findNode(scenario, nodeId);
  if (node?.kind !== 'decision') return move;
  if (move === TIMEOUT) return '等到时限过去';
  return findChoice(node, move)?.label ?? move;
}

/** How many decisions a plan row names a better move for. */
const MOVES_NAMED = 3;

/**
 * What to do instead, for a finding that cost points. A choice's is the move the search found
 * best at that decision, where it has weighed the run; a time window's, its limits; a rule's,
 * what the rule asks.
 */
function actionFor(scenario: Scenario, finding: Finding, costs: readonly DecisionCost[]): string {
  // "window:w_report:-": the kind, the id, the sign of the points.
  const [kind, id] = finding.key.split(':');
  if (kind === 'choice' || kind === 'timeout') {
    const better = finding.decisions
      .map((d) => costs[d])
      .filter((c): c is DecisionCost => c !== undefined && c.best !== c.taken)
      .sort((a, b) => b.lost.total - a.lost.total)
      .slice(0, MOVES_NAMED)
      .sort((a, b) => a.decision - b.decision)
      .map(
        (c) =>
          `在「${findNode(scenario, c.nodeId)?.title ?? c.nodeId}」时，选择「${choiceLabel(scenario, c.nodeId, c.best)}」`,
      );
    const lead = kind === 'timeout' ? '在时限内自己作出决定：不决定也是一种决定。' : '';
    if (better.length > 0) return `${lead}${better.join('；')}。`;
    return lead || '回看这一选择的依据，对照法条找出更稳妥的做法。';
  }
  if (kind === 'window' && id) {
    const window = scenarioIndex(scenario).window.get(id);
    if (window) {
      return `在开局后 ${formatDuration(parseDuration(window.ideal))} 之内完成“${window.label}”（最迟 ${formatDuration(parseDuration(window.latest))}）。`;
    }
  }
  if (kind === 'rule' && id) return RULE_CAUSE[id as ScoringRuleName]?.action ?? '';
  return '';
}

/** How many of a cause's reasons a plan row quotes: a countdown run out five times gives five. */
const REASONS_QUOTED = 2;

function briefly(reasons: string[]): string {
  const quoted = reasons.slice(0, REASONS_QUOTED).join(' ');
  return reasons.length > REASONS_QUOTED ? `${quoted}（另有 ${reasons.length - REASONS_QUOTED} 条，见上文）` : quoted;
}

/** The plan's rows, at most: the causes that cost most; the rest stay in the list of every event. */
export const PLAN_ROWS = 8;

/** Each cause of lost points once, its losses on every dimension together, the costliest first. */
function planOf(
  scenario: Scenario,
  state: RunState,
  costs: readonly DecisionCost[],
): { rows: PlanRow[]; more: number } {
  const byCause = new Map<string, Finding[]>();
  for (const dimension of DIMENSIONS) {
    for (const f of findings(scenario, state, dimension)) {
      if (f.delta < 0) byCause.set(f.key, [...(byCause.get(f.key) ?? []), f]);
    }
  }
  const rows = [...byCause.values()].map((group) => {
    const first = group[0] as Finding;
    const refs = new Map(group.flatMap((f) => f.refs).map((r) => [r.id, r]));
    const decisions = [...new Set(group.flatMap((f) => f.decisions))].sort((a, b) => a - b);
    return {
      key: first.key,
      issue: first.cause,
      why: briefly([...new Set(group.flatMap((f) => f.reasons))]),
      action: actionFor(scenario, { ...first, decisions }, costs),
      lost: group.map((f) => ({ dimension: f.dimension, points: -f.delta })),
      decisions,
      refs: [...refs.values()],
    };
  });
  const total = (row: PlanRow) => row.lost.reduce((sum, l) => sum + l.points, 0);
  rows.sort((a, b) => total(b) - total(a));
  return { rows: rows.slice(0, PLAN_ROWS), more: Math.max(0, rows.length - PLAN_ROWS) };
}

export function afterAction(
  scenario: Scenario,
  state: RunState,
  costs: readonly DecisionCost[] = [],
): AfterActionReport {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const ending = state.ending ? findNode(scenario, state.ending) : undefined;
  const dimensions = DIMENSIONS.map((dimension): DimensionAssessment => {
    const all = findings(scenario, state, dimension);
    const rating = rate(scores[dimension]);
    return {
      dimension,
      score: scores[dimension],
      rating,
      summary: summaryOf(dimension, scores[dimension], rating, all),
      strengths: all
        .filter((f) => f.delta > 0)
        .sort((a, b) => b.delta - a.delta)
        .slice(0, FINDINGS_SHOWN),
      improvements: all
        .filter((f) => f.delta < 0)
        .sort((a, b) => a.delta - b.delta)
        .slice(0, FINDINGS_SHOWN),
    };
  });
  const plan = planOf(scenario, state, costs);
  return {
    drill: scenario.title,
    role: scenario.role,
    ending: ending?.kind === 'ending' ? { title: ending.title, tone: ending.tone } : null,
    realMs: state.timeline.reduce((sum, t) => sum + t.realMs, 0),
    gameMinutes: state.clock - (state.trialBase?.clock ?? 0),
    base: scenario.scoring?.base ?? DEFAULT_BASE,
    dimensions,
    plan,
  };
}
