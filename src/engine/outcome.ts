/**
 * Timeliness from outcomes: the world is run again from the start with the trainee's own
 * containment measures all taken at once, and the difference in infections and deaths is what
 * the delay cost.
 */
import type { Measure, Scenario } from '../scenario/schema';
import { ruleDelta, ruleEvent } from './rules';
import type { LoggedMeasure, ScoreEvent, TrialBase } from './types';
import { advanceWorld, applyMeasure, changesTheEpidemic, cloneWorld, initWorld, type WorldState } from './world';

/** A containment measure is one that changes the epidemic: its timing is what delay costs. */
export const isContainment = changesTheEpidemic;

function totals(w: WorldState): { cases: number; deaths: number } {
  return w.regions.reduce((t, r) => ({ cases: t.cases + r.cum, deaths: t.deaths + r.D }), { cases: 0, deaths: 0 });
}

/** What a containment measure sets: measures with the same key set the same thing. */
function parameterKey(m: Measure, order: number, actingRegion: string | undefined): string | null {
  // Strings compare by UTF-16 code units, as sort() orders them.
  const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  switch (m.type) {
    case 'contact':
      return `contact:${m.region}`;
    case 'isolation':
      return `isolation:${m.region}`;
    case 'travel':
      return `travel:${pair(m.between[0], m.between[1])}`;
    case 'roads':
      // The same link whether or not `from` is written: applyMeasure closes from the acting region.
      return `roads:${pair(m.from ?? actingRegion ?? '', m.region)}`;
    case 'road':
      return `road:${pair(m.between[0], m.between[1])}:${m.name}`;
    case 'beds':
      // Each addition of beds stands alone.
      return `beds:${order}`;
    default:
      return null;
  }
}

/**
 * When each logged measure happens in the comparison world: every containment setting the
 * trainee controlled starts at minute 0, and their later changes to the same setting keep their
 * spacing (moved earlier by the same amount), so a later easing stays after the tightening it
 * eased. Injects keep their times.
 */
export function actingAtOnceTimes(log: readonly LoggedMeasure[], actingRegion?: string): (number | null)[] {
  const firstAt = new Map<string, number>();
  log.forEach(({ t, measure, from }, order) => {
    const key = from === 'choice' ? parameterKey(measure, order, actingRegion) : null;
    if (key !== null && !firstAt.has(key)) firstAt.set(key, t);
  });
  return log.map(({ t, measure, from }, order) => {
    const key = parameterKey(measure, order, from === 'choice' ? actingRegion : undefined);
    const first = key === null ? undefined : firstAt.get(key);
    if (from === 'choice') return first === undefined ? t : t - first;
    // An inject that set what the trainee then set: in the comparison the trainee's setting came
    // first, so the inject's, before the trainee's real time, would wrongly override it. Dropped (null).
    return first !== undefined && t < first ? null : t;
  });
}

/**
 * The world at `end` had the trainee started every containment measure at minute 0, without its
 * case history: only the totals are read.
 */
export function worldActingAtOnce(
  scenario: Scenario,
  log: readonly LoggedMeasure[],
  end: number,
  origin?: TrialBase,
): WorldState {
  // A trial run compares from where it started: what was logged before is already in that world.
  const skip = origin?.measures ?? 0;
  const logged = log.slice(skip);
  const times = actingAtOnceTimes(logged, scenario.roleRegion);
  // A loop making one small record a measure: a long run logs thousands, and a spread of each
  // inside flatMap was a tenth of a 1,000-decision replay.
  const schedule: { t: number; measure: Measure; from: LoggedMeasure['from']; order: number }[] = [];
  for (let order = 0; order < logged.length; order++) {
    const t = times[order];
    if (t === null || t === undefined) continue;
    const { measure, from } = logged[order] as LoggedMeasure;
    // The trainee's settings are timed from the start: from the trial's start, in a trial.
    schedule.push({ t: from === 'choice' ? t + (origin?.clock ?? 0) : t, measure, from, order });
  }
  schedule.sort((a, b) => a.t - b.t || a.order - b.order);
  const w = origin ? cloneWorld(origin.world) : initWorld(scenario);
  // Only the totals are read: the case history this world would write is never looked at.
  w.series = w.series.unrecorded();
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
export function outcomeEvent(
  scenario: Scenario,
  log: readonly LoggedMeasure[],
  actual: WorldState,
  origin?: TrialBase,
): ScoreEvent | null {
  if (!scenario.epidemic) return null;
  const taken = log.filter((x) => x.from === 'choice' && isContainment(x.measure));
  const weight = ruleDelta(scenario, 'outcome');
  const real = totals(actual);
  if (taken.length === 0) {
    // Inaction is a decision too: where the drill offered containment, taking none costs the most.
    const offered = scenario.nodes.some(
      (n) => n.kind === 'decision' && n.choices.some((c) => c.world?.some((m) => isContainment(m))),
    );
    if (!offered) return null;
    return ruleEvent(
      scenario,
      'outcome',
      `始终没有采取任何防控措施（隔离、限制接触或往来、增加床位）：到推演结束累计感染约 ${Math.round(real.cases)} 人、死亡 ${Math.round(real.deaths)} 人。`,
      null,
      [],
      -weight,
    );
  }
  const ideal = totals(worldActingAtOnce(scenario, log, actual.t, origin));
  const excess = Math.max(0, Math.round(real.cases - ideal.cases));
  const excessDeaths = Math.max(0, Math.round(real.deaths - ideal.deaths));
  // The larger of the two shares: delay that costs few infections but many lives still costs.
  const share = Math.max(real.cases > 0 ? excess / real.cases : 0, real.deaths > 0.5 ? excessDeaths / real.deaths : 0);
  const delta = -Math.round(Math.min(1, share) * weight);
  const reason =
    `若把你的 ${taken.length} 项防控措施都提前到${origin ? '试玩开始时' : '开局时'}开始（其后的调整保持原有间隔），到推演结束累计感染约 ${Math.round(ideal.cases)} 人、` +
    `死亡 ${Math.round(ideal.deaths)} 人；实际为 ${Math.round(real.cases)} 人、死亡 ${Math.round(real.deaths)} 人。` +
    (excess > 0 || excessDeaths > 0
      ? `迟滞多出约 ${excess} 人感染、${excessDeaths} 人死亡。`
      : '措施几乎都是即刻采取的，没有因迟滞多出感染。');
  return ruleEvent(scenario, 'outcome', reason, null, [], delta === 0 ? 0 : delta);
}
