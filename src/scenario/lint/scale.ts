/**
 * Score dimensions that no run can move, or whose reachable scores cannot come near the top or the
 * bottom of the 0–100 scale: a debrief that ranks every trainee alike teaches nothing.
 */

import { powerInForce } from '../../engine/powers-in-force';
import { namedRoadDelta, roleHolds, ruleDelta } from '../../engine/rules';
import {
  DEFAULT_BASE,
  DEFAULT_TIMEOUT_PENALTY,
  DEFAULT_WINDOW_CREDIT,
  DEFAULT_WINDOW_PENALTY,
  DIMENSIONS,
} from '../../engine/scoring';
import { COMPLETES, choiceFields, NEEDS, POWER, SCORE, WORLD } from '../choice-fields';
import { bestPaths, nodeIndex } from '../graph';
import type { Choice, DecisionNode, Dimension, Scenario } from '../schema';
import type { LintContext } from './context';

const DIMENSION_NAMES: Record<Dimension, string> = { timeliness: '时效', legality: '依法', coordination: '协同' };

/**
 * A dimension's reachable scores should come within this many points of both ends of the 0–100
 * scale: the best trainee able to score 90 or more, the worst 10 or less.
 */
export const SCALE_MARGIN = 10;

/** The least and the most, per dimension, that something adds to a run's score events. */
type Span = Record<Dimension, { lo: number; hi: number }>;

/*
 * Spans are kept flat while they are computed, six numbers to a node or a choice: the least and
 * the most for each dimension in DIMENSIONS order (lo at 2·d, hi at 2·d + 1), so that a large
 * drill's tens of thousands of choices cost no object each.
 */
const SLOTS = DIMENSIONS.length * 2;
const TIMELINESS = DIMENSIONS.indexOf('timeliness');
const LEGALITY = DIMENSIONS.indexOf('legality');
const COORDINATION = DIMENSIONS.indexOf('coordination');
/** Shared by every choice without score rules or measures: a large drill has tens of thousands. */
const NONE = [] as const;
const DIMENSION_SLOT = Object.fromEntries(DIMENSIONS.map((d, i) => [d, i])) as Record<Dimension, number>;

/** Adds an event that may or may not happen (of `delta`, or of `other`): the span widens to take in each. NOTE mutates `span`. */
function mayAdd(span: Float64Array, dimension: number, delta: number, other = 0): void {
  span[dimension * 2] = (span[dimension * 2] as number) + Math.min(0, delta, other);
  span[dimension * 2 + 1] = (span[dimension * 2 + 1] as number) + Math.max(0, delta, other);
}

/**
 * What one decision can score, whichever way it goes, into `span`: the choice's own
 * `score`, the timeout penalty when it is the timeout choice, and the automatic rules its power,
 * needs and measures may trigger. Notices and time windows count once a run, so they are left to
 * `scoreSpan`. NOTE mutates `span`.
 */
function choiceSpan(
  scenario: Scenario,
  node: DecisionNode,
  choice: Choice,
  has: number,
  policy: boolean,
  limited: number,
  span: Float64Array,
): void {
  span.fill(0);
  const score = (has & SCORE ? choice.score : undefined) ?? NONE;
  for (let i = 0; i < score.length; i++) {
    const rule = score[i] as (typeof score)[number];
    const slot = DIMENSION_SLOT[rule.dimension];
    span[slot * 2] = (span[slot * 2] as number) + rule.delta;
    span[slot * 2 + 1] = (span[slot * 2 + 1] as number) + rule.delta;
  }
  if (node.timeLimitSec !== undefined && node.timeoutChoice === choice.id) {
    mayAdd(span, TIMELINESS, -(scenario.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY));
  }
  if (has & POWER && choice.power !== undefined) {
    // The engine's own test (engine/rules.ts): a holder acts lawfully, but may leave a duty to report undone.
    if (!roleHolds(scenario, choice.power)) mayAdd(span, LEGALITY, ruleDelta(scenario, 'unlawfulPower'));
    else if (powerInForce(scenario, choice.power)?.report) mayAdd(span, LEGALITY, ruleDelta(scenario, 'unreported'));
  }
  if (has & NEEDS && choice.needs) mayAdd(span, LEGALITY, ruleDelta(scenario, 'disproportionate'));
  const world = (has & WORLD ? choice.world : undefined) ?? NONE;
  for (let i = 0; i < world.length; i++) {
    const measure = world[i] as (typeof world)[number];
    if (measure.type === 'ship') mayAdd(span, COORDINATION, ruleDelta(scenario, 'send'));
    else if (measure.type === 'release') mayAdd(span, COORDINATION, ruleDelta(scenario, 'letThrough'));
    else if (measure.type === 'intercept') mayAdd(span, COORDINATION, ruleDelta(scenario, 'intercept'));
    else if (measure.type === 'roads' && !measure.open) mayAdd(span, COORDINATION, ruleDelta(scenario, 'closeRoad'));
    else if (measure.type === 'road' && !measure.open) {
      mayAdd(span, COORDINATION, namedRoadDelta(ruleDelta(scenario, 'closeRoad'), measure.share));
    } else if (measure.type === 'contact' && policy) {
      // Only a drill with a policy judges contact measures against it: tighter escalates, level aligns.
      mayAdd(span, COORDINATION, ruleDelta(scenario, 'escalate'), ruleDelta(scenario, 'align'));
    } else if (measure.type === 'policy') {
      // A new policy judges each region whose contact the trainee may have set.
      mayAdd(span, COORDINATION, limited * ruleDelta(scenario, 'escalate'));
    }
  }
}

/**
 * The least and the most a whole run can add to each dimension: a loose bound, never a tight one,
 * so that a warning built on it is never wrong. Conditions are not evaluated.
 *
 * A run is a walk along `next` from the start, interrupted now and then by an inject that opens
 * a node; what follows the interruption either returns to where the run was heading or carries on
 * from there. So the run is one walk from the start plus, for each inject that opens a node, at most
 * one walk from that node, and each walk scores at most its best path. A cycle that can score makes
 * the bound infinite. Time windows, notices, withholding and the outcome are scored at most once a run.
 */
export function scoreSpan(scenario: Scenario): Span {
  const injects = scenario.injects ?? [];
  let policy = injects.some((i) => i.world?.some((m) => m.type === 'policy'));
  const completed = new Set<string>();
  const notified = new Set<string>();
  // The regions whose contact the trainee may set: a new policy judges each of them.
  const limited = new Set<string>();
  // One pass, indexed loops and nothing allocated for a choice without them: a large drill has
  // tens of thousands of choices, and this runs on code not yet optimised (a fresh drill each load).
  const nodes = scenario.nodes;
  const fields = choiceFields(scenario);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as Scenario['nodes'][number];
    if (node.kind !== 'decision') continue;
    const first = fields.start[n] as number;
    for (let c = 0; c < node.choices.length; c++) {
      const has = fields.bits[first + c] as number;
      if ((has & (COMPLETES | WORLD)) === 0) continue;
      const choice = node.choices[c] as Choice;
      const completes = has & COMPLETES ? choice.completes : undefined;
      if (completes) for (let i = 0; i < completes.length; i++) completed.add(completes[i] as string);
      const world = has & WORLD ? choice.world : undefined;
      if (!world) continue;
      for (let i = 0; i < world.length; i++) {
        const measure = world[i] as (typeof world)[number];
        if (measure.type === 'policy') policy = true;
        else if (measure.type === 'notify') for (const region of measure.regions) notified.add(region);
        else if (measure.type === 'contact') limited.add(measure.region);
      }
    }
  }
  const index = nodeIndex(scenario);
  const count = nodes.length;
  // Per node, the most and least one visit adds.
  const weight = new Float64Array(count * SLOTS);
  const one = new Float64Array(SLOTS);
  for (let n = 0; n < count; n++) {
    const node = nodes[n] as Scenario['nodes'][number];
    if (node.kind !== 'decision') continue;
    const first = fields.start[n] as number;
    const timed = node.timeLimitSec !== undefined;
    for (let c = 0; c < node.choices.length; c++) {
      const has = fields.bits[first + c] as number;
      // A choice with none of what choiceSpan reads adds nothing (its span is all zeros), unless it is the timeout choice.
      const scores = (has & (SCORE | POWER | NEEDS | WORLD)) !== 0;
      if (!scores && !timed) continue;
      const choice = node.choices[c] as Choice;
      if (!scores && node.timeoutChoice !== choice.id) continue;
      choiceSpan(scenario, node, choice, has, policy, limited.size, one);
      for (let slot = 0; slot < SLOTS; slot += 2) {
        weight[n * SLOTS + slot] = Math.min(weight[n * SLOTS + slot] as number, one[slot] as number);
        weight[n * SLOTS + slot + 1] = Math.max(weight[n * SLOTS + slot + 1] as number, one[slot + 1] as number);
      }
    }
  }
  const best = bestPaths(scenario, weight, SLOTS);

  const total = new Float64Array(SLOTS);
  // An inject that opens a node adds one more walk from it, once for each such inject.
  for (const id of [scenario.start, ...injects.flatMap((i) => (i.opens ? [i.opens] : []))]) {
    const n = index.get(id);
    if (n === undefined) continue;
    for (let slot = 0; slot < SLOTS; slot++) total[slot] = (total[slot] as number) + (best[n * SLOTS + slot] as number);
  }
  for (const timeWindow of scenario.timeWindows ?? []) {
    const penalty = timeWindow.penalty ?? DEFAULT_WINDOW_PENALTY;
    // Never done costs the full penalty at the end; done, anything from that up to the credit.
    const most = completed.has(timeWindow.id)
      ? Math.max(-penalty, timeWindow.credit ?? DEFAULT_WINDOW_CREDIT)
      : -penalty;
    total[TIMELINESS * 2] = (total[TIMELINESS * 2] as number) - penalty;
    total[TIMELINESS * 2 + 1] = (total[TIMELINESS * 2 + 1] as number) + most;
  }
  mayAdd(total, COORDINATION, notified.size * ruleDelta(scenario, 'notify'));
  // An inject's new policy judges, once, each region whose contact the trainee may have set.
  for (const inject of injects) {
    for (const measure of inject.world ?? []) {
      if (measure.type === 'policy') mayAdd(total, COORDINATION, limited.size * ruleDelta(scenario, 'escalate'));
    }
  }
  const own = scenario.regions?.find((r) => r.id === scenario.roleRegion);
  mayAdd(total, COORDINATION, (own?.neighbours?.length ?? 0) * ruleDelta(scenario, 'withhold'));
  if (scenario.epidemic) mayAdd(total, TIMELINESS, -ruleDelta(scenario, 'outcome'));
  const span = (d: number) => ({ lo: total[d * 2] as number, hi: total[d * 2 + 1] as number });
  return { timeliness: span(TIMELINESS), legality: span(LEGALITY), coordination: span(COORDINATION) };
}

export function checkScale(context: LintContext): void {
  const { scenario } = context;
  // The scale is judged only on a drill without errors (a graph with a dangling next scores
  // nothing meaningful), and only once its author scores at all: a story still being drafted,
  // with no score rules and no time windows yet, would be warned about every dimension at once.
  const scored =
    (scenario.timeWindows?.length ?? 0) > 0 ||
    scenario.nodes.some((n) => n.kind === 'decision' && n.choices.some((c) => (c.score?.length ?? 0) > 0));
  if (!scored || !context.startNode || context.hasErrors()) return;
  const base = scenario.scoring?.base ?? DEFAULT_BASE;
  const span = scoreSpan(scenario);
  const signed = (x: number) => (x >= 0 ? `+${x}` : `−${-x}`);
  // Scores are clamped to 0–100 (engine/scoring.ts), and so are the scores these messages name.
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  for (const dimension of DIMENSIONS) {
    const { lo, hi } = span[dimension];
    const name = `「${DIMENSION_NAMES[dimension]}」维度`;
    if (lo === hi) {
      const everyone = clamp(base + hi);
      context.warning(
        ['scoring'],
        `${name}没有任何规则能改变分数，所有学员都是 ${everyone} 分：给体现${DIMENSION_NAMES[dimension]}好坏的选项加上 dimension 为 ${dimension} 的 score（附依据）。`,
      );
      continue;
    }
    if (base + hi < 100 - SCALE_MARGIN) {
      context.warning(
        ['scoring'],
        `${name}最高只能得 ${clamp(base + hi)} 分（起评 ${base} 分，一局的加减分合计至多 ${signed(hi)}），表现最好的学员也到不了 ${100 - SCALE_MARGIN} 分：给做得对的决定加上更多 dimension 为 ${dimension} 的加分（选项的 score，附依据）。`,
      );
    }
    if (base + lo > SCALE_MARGIN) {
      context.warning(
        ['scoring'],
        `${name}最低也有 ${clamp(base + lo)} 分（起评 ${base} 分，一局的加减分合计至少 ${signed(lo)}），表现最差的学员也在 ${SCALE_MARGIN} 分以上：给做错的决定加上更重的 dimension 为 ${dimension} 的扣分（选项的 score，附依据）。`,
      );
    }
  }
}
