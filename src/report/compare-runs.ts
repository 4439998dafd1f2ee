/**
 * The real run and another line through the drill — a what-if played from one of its decisions, or
 * the best line — side by side: how each ended, the three scores, cases and deaths in all and by
 * region, and the situations the two met differently.
 */
import { type LineOutcome, outcomeOf } from '../engine/best-line';
import { TONE_LABEL } from '../engine/debrief';
import { findChoice, findNode } from '../engine/scenario-index';
import { DIMENSION_LABEL, DIMENSIONS } from '../engine/scoring';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { rate } from './ratings';

export interface ComparedRow {
  label: string;
  real: string;
  other: string;
  /** The other line less the real run, where the row is a number; null for the ending. */
  difference: number | null;
  /** Whether a larger number is worse (cases, deaths) or better (scores). */
  moreIsWorse: boolean;
}

/** A situation the two runs met differently: what each chose there, or null where that run never met it. */
export interface DifferentDecision {
  node: string;
  real: string | null;
  other: string | null;
}

export interface RunComparison {
  rows: ComparedRow[];
  /**
   * From the what-if's start on, each situation one run met and the other did not, or where the two
   * chose differently, in the order they came; paths that part do not line up by count.
   */
  decisions: DifferentDecision[];
  real: LineOutcome;
  other: LineOutcome;
}

const count = (n: number) => Math.round(n).toLocaleString('zh-CN');

function endingLabel(scenario: Scenario, state: RunState): string {
  if (state.ending === null) return '未结束';
  const node = findNode(scenario, state.ending);
  const tone = node?.kind === 'ending' && node.tone ? `（${TONE_LABEL[node.tone]}）` : '';
  return `${node?.title ?? state.ending}${tone}`;
}

function choiceTaken(scenario: Scenario, state: RunState, decision: number): string | null {
  const entry = state.timeline[decision];
  if (!entry) return null;
  const node = findNode(scenario, entry.nodeId);
  const label = node?.kind === 'decision' ? findChoice(node, entry.choiceId)?.label : undefined;
  return `${entry.timedOut ? '超时未决：' : ''}${label ?? entry.choiceId}`;
}

export function compareRuns(scenario: Scenario, real: RunState, other: RunState, from: number): RunComparison {
  const a = outcomeOf(scenario, real);
  const b = outcomeOf(scenario, other);
  const rows: ComparedRow[] = [
    {
      label: '结局',
      real: endingLabel(scenario, real),
      other: endingLabel(scenario, other),
      difference: null,
      moreIsWorse: false,
    },
    ...DIMENSIONS.map((d) => ({
      label: DIMENSION_LABEL[d],
      real: `${a.scores[d]} 分（${rate(a.scores[d]).grade}）`,
      other: `${b.scores[d]} 分（${rate(b.scores[d]).grade}）`,
      difference: b.scores[d] - a.scores[d],
      moreIsWorse: false,
    })),
  ];
  if (real.world.regions.length > 0) {
    rows.push(
      {
        label: '累计感染（各地合计）',
        real: count(a.cases),
        other: count(b.cases),
        difference: b.cases - a.cases,
        moreIsWorse: true,
      },
      {
        label: '死亡（各地合计）',
        real: count(a.deaths),
        other: count(b.deaths),
        difference: b.deaths - a.deaths,
        moreIsWorse: true,
      },
    );
    (scenario.regions ?? []).forEach((region, i) => {
      const r = real.world.regions[i];
      const w = other.world.regions[i];
      if (!r || !w) return;
      const cases = [Math.round(r.cum), Math.round(w.cum)] as const;
      const deaths = [Math.round(r.D), Math.round(w.D)] as const;
      rows.push(
        {
          label: `${region.name} 感染`,
          real: count(cases[0]),
          other: count(cases[1]),
          difference: cases[1] - cases[0],
          moreIsWorse: true,
        },
        {
          label: `${region.name} 死亡`,
          real: count(deaths[0]),
          other: count(deaths[1]),
          difference: deaths[1] - deaths[0],
          moreIsWorse: true,
        },
      );
    });
  }
  const met = new Map<string, { node: string; clock: number; real: string | null; other: string | null }>();
  const meet = (state: RunState, side: 'real' | 'other') => {
    const seen = new Map<string, number>();
    state.timeline.slice(from).forEach((entry, k) => {
      // A node met twice (one an inject reopens) is two situations.
      const times = (seen.get(entry.nodeId) ?? 0) + 1;
      seen.set(entry.nodeId, times);
      const key = `${entry.nodeId}#${times}`;
      const row = met.get(key) ?? {
        node: findNode(scenario, entry.nodeId)?.title ?? entry.nodeId,
        clock: entry.clockAt,
        real: null,
        other: null,
      };
      row.clock = Math.min(row.clock, entry.clockAt);
      row[side] = choiceTaken(scenario, state, from + k);
      met.set(key, row);
    });
  };
  meet(real, 'real');
  meet(other, 'other');
  const decisions = [...met.values()]
    .filter((row) => row.real !== row.other)
    .sort((x, y) => x.clock - y.clock)
    .map(({ node, real: r, other: w }) => ({ node, real: r, other: w }));
  return { rows, decisions, real: a, other: b };
}
