/**
 * Timeliness from outcomes: the world is run again from the start with the trainee's own
 * containment measures all taken at once, and the difference in infections and deaths is what
 * the delay cost.
 */
import type { Measure, Scenario } from '../scenario/schema';
import { ruleDelta, ruleEvent } from './rules';
import type { LoggedMeasure, ScoreEvent } from './types';
import { advanceWorld, applyMeasure, initWorld, type WorldState } from './world';

const CONTAINMENT: ReadonlySet<Measure['type']> = new Set(['contact', 'travel', 'isolation', 'beds', 'roads']);

export function isContainment(m: Measure): boolean {
  return CONTAINMENT.has(m.type);
}

function totals(w: WorldState): { cases: number; deaths: number } {
  return w.regions.reduce((t, r) => ({ cases: t.cases + r.cum, deaths: t.deaths + r.D }), { cases: 0, deaths: 0 });
}

/**
 * Which logged measures are the trainee's containment measures that tighten what was in force
 * then. Only those move to minute 0 in the comparison: a later easing (contacts back to normal,
 * roads reopened) stays when it was, or the comparison would ease from the start.
 */
export function tighteningMeasures(log: readonly LoggedMeasure[]): boolean[] {
  const contact = new Map<string, number>();
  const isolation = new Map<string, number>();
  const travel = new Map<string, number>();
  const closed = new Set<string>();
  const pair = (a: string, b: string) => [a, b].sort().join('|');
  return log.map(({ measure: m, from }) => {
    let tighter = false;
    switch (m.type) {
      case 'contact':
        tighter = m.factor < (contact.get(m.region) ?? 1);
        contact.set(m.region, m.factor);
        break;
      case 'isolation':
        tighter = m.share > (isolation.get(m.region) ?? 0);
        isolation.set(m.region, m.share);
        break;
      case 'travel': {
        const key = pair(m.between[0], m.between[1]);
        tighter = m.factor < (travel.get(key) ?? 1);
        travel.set(key, m.factor);
        break;
      }
      case 'roads': {
        const key = pair(m.from ?? '', m.region);
        tighter = !m.open && !closed.has(key);
        if (m.open) closed.delete(key);
        else closed.add(key);
        break;
      }
      case 'beds':
        tighter = true;
        break;
      default:
        tighter = false;
    }
    return from === 'choice' && tighter;
  });
}

/** The world at `end` had every tightening containment measure of the trainee's been taken at minute 0. */
export function worldActingAtOnce(scenario: Scenario, log: readonly LoggedMeasure[], end: number): WorldState {
  const early = tighteningMeasures(log);
  const schedule = log
    .map((x, order) => ({ ...x, t: early[order] ? 0 : x.t, order }))
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
  const early = tighteningMeasures(log);
  const taken = log.filter((_, i) => early[i]);
  if (taken.length === 0) return null;
  const ideal = totals(worldActingAtOnce(scenario, log, actual.t));
  const real = totals(actual);
  const excess = Math.max(0, Math.round(real.cases - ideal.cases));
  const excessDeaths = Math.max(0, Math.round(real.deaths - ideal.deaths));
  const share = real.cases > 0 ? excess / real.cases : 0;
  const delta = -Math.round(share * ruleDelta(scenario, 'outcome'));
  const reason =
    `若把你加强防控的 ${taken.length} 项措施都在开局时就实施，到推演结束累计感染约 ${Math.round(ideal.cases)} 人、` +
    `死亡 ${Math.round(ideal.deaths)} 人；实际为 ${Math.round(real.cases)} 人、死亡 ${Math.round(real.deaths)} 人。` +
    (excess > 0
      ? `迟滞多出约 ${excess} 人感染、${excessDeaths} 人死亡（占实际感染的 ${Math.round(share * 100)}%）。`
      : '措施几乎都是即刻采取的，没有因迟滞多出感染。');
  return ruleEvent(scenario, 'outcome', reason, null, [], delta === 0 ? 0 : delta);
}
