/**
 * Timeliness from outcomes: the world is run again from the start with the trainee's own
 * containment measures all taken at once, and the difference in infections and deaths is what
 * the delay cost.
 */
import type { Measure, Scenario } from '../scenario/schema';
import { ruleDelta, ruleEvent } from './rules';
import type { LoggedMeasure, ScoreEvent } from './types';
import { advanceWorld, applyMeasure, initWorld, type WorldState } from './world';

const CONTAINMENT: ReadonlySet<Measure['type']> = new Set(['contact', 'travel', 'isolation', 'beds', 'roads', 'level']);

export function isContainment(m: Measure): boolean {
  return CONTAINMENT.has(m.type);
}

function totals(w: WorldState): { cases: number; deaths: number } {
  return w.regions.reduce((t, r) => ({ cases: t.cases + r.cum, deaths: t.deaths + r.D }), { cases: 0, deaths: 0 });
}

/** The world at `end` had every containment measure of the trainee's been taken at minute 0. */
export function worldActingAtOnce(scenario: Scenario, log: readonly LoggedMeasure[], end: number): WorldState {
  const schedule = log
    .map((x, order) => ({ ...x, t: x.from === 'choice' && isContainment(x.measure) ? 0 : x.t, order }))
    .sort((a, b) => a.t - b.t || a.order - b.order);
  const w = initWorld(scenario);
  for (const x of schedule) {
    advanceWorld(scenario, w, x.t);
    // The same acting region the run used (run.ts: the trainee's for choices, none for injects),
    // so that this world differs from the real one only in when the trainee acted.
    applyMeasure(scenario, w, x.measure, x.t, x.from === 'choice' ? scenario.roleRegion : undefined);
  }
  advanceWorld(scenario, w, end);
  return w;
}

/** The outcome event at the end of a drill with an epidemic, or null when there is nothing to compare. */
export function outcomeEvent(scenario: Scenario, log: readonly LoggedMeasure[], actual: WorldState): ScoreEvent | null {
  if (!scenario.epidemic) return null;
  const taken = log.filter((x) => x.from === 'choice' && isContainment(x.measure));
  if (taken.length === 0) return null;
  const ideal = totals(worldActingAtOnce(scenario, log, actual.t));
  const real = totals(actual);
  const excess = Math.max(0, Math.round(real.cases - ideal.cases));
  const excessDeaths = Math.max(0, Math.round(real.deaths - ideal.deaths));
  const share = real.cases > 0 ? excess / real.cases : 0;
  const delta = -Math.round(share * ruleDelta(scenario, 'outcome'));
  const reason =
    `若把你采取的 ${taken.length} 项防控措施都在开局时就实施，到推演结束累计感染约 ${Math.round(ideal.cases)} 人、` +
    `死亡 ${Math.round(ideal.deaths)} 人；实际为 ${Math.round(real.cases)} 人、死亡 ${Math.round(real.deaths)} 人。` +
    (excess > 0
      ? `迟滞多出约 ${excess} 人感染、${excessDeaths} 人死亡（占实际感染的 ${Math.round(share * 100)}%）。`
      : '措施几乎都是即刻采取的，没有因迟滞多出感染。');
  return ruleEvent(scenario, 'outcome', reason, null, [], delta === 0 ? 0 : delta);
}
