import { describe, expect, it } from 'vitest';
import { fakeScenario, fakeWorldScenario, loadable } from '../../test/fake-scenario';
import type { Measure, Scenario } from '../scenario/schema';
import { actingAtOnceTimes, isContainment, outcomeEvent, worldActingAtOnce } from './outcome';
import type { LoggedMeasure } from './types';
import { advanceWorld, applyMeasure, initWorld, type WorldState } from './world';

const DAY = 1440;
/** home (the role region, 100 infectious) and next, linked by travel. */
const scenario = loadable(fakeWorldScenario());

/** The world a run reaches by applying each logged measure at its time, as `choose` does. */
function actual(s: Scenario, log: readonly LoggedMeasure[], end: number): WorldState {
  const w = initWorld(s);
  for (const x of log) {
    advanceWorld(s, w, x.t);
    applyMeasure(s, w, x.measure, x.t, x.from === 'choice' ? s.roleRegion : undefined);
  }
  advanceWorld(s, w, end);
  return w;
}

const cases = (w: WorldState) => w.regions.reduce((sum, r) => sum + r.cum, 0);

const lockdown: Measure = { type: 'contact', region: 'home', factor: 0.2 };
const isolate: Measure = { type: 'isolation', region: 'home', share: 0.5 };

describe('isContainment', () => {
  it('counts the measures that act on the epidemic', () => {
    const kinds = (
      [
        lockdown,
        isolate,
        { type: 'travel', between: ['home', 'next'], factor: 0 },
        { type: 'beds', region: 'home', add: 1, after: '1h' },
        { type: 'roads', region: 'next', open: false },
        { type: 'level', level: 1 },
        { type: 'notify', regions: ['next'] },
        { type: 'supply', region: 'home', supply: 'masks', add: 1 },
        { type: 'trust', region: 'home', add: 1 },
        { type: 'policy', contact: 0.5 },
      ] satisfies Measure[]
    ).map((m) => [m.type, isContainment(m)]);
    expect(Object.fromEntries(kinds)).toEqual({
      contact: true,
      isolation: true,
      travel: true,
      beds: true,
      roads: true,
      level: false,
      notify: false,
      supply: false,
      trust: false,
      policy: false,
    });
  });
});

describe('worldActingAtOnce', () => {
  // The comparison world keeps no case history (only its totals are read): all else is compared.
  const withoutHistory = ({ series: _, ...rest }: WorldState) => rest;

  it('keeps no case history', () => {
    const log: LoggedMeasure[] = [{ t: 3 * DAY, measure: lockdown, from: 'choice' }];
    expect(worldActingAtOnce(scenario, log, 20 * DAY).series.length).toBe(1);
  });

  it('runs the trainee’s containment measures from minute 0, giving no more infections', () => {
    const log: LoggedMeasure[] = [
      { t: 3 * DAY, measure: lockdown, from: 'choice' },
      { t: 6 * DAY, measure: isolate, from: 'choice' },
    ];
    const real = actual(scenario, log, 20 * DAY);
    const ideal = worldActingAtOnce(scenario, log, real.t);
    expect(ideal.t).toBe(real.t);
    expect(cases(ideal)).toBeLessThan(cases(real));
    expect(withoutHistory(ideal)).toEqual(
      withoutHistory(
        actual(
          scenario,
          log.map((x) => ({ ...x, t: 0 })),
          20 * DAY,
        ),
      ),
    );
  });

  it('leaves the injects’ measures where they happened', () => {
    const log: LoggedMeasure[] = [
      { t: 2 * DAY, measure: { type: 'contact', region: 'next', factor: 0.1 }, from: 'inject' },
      { t: 5 * DAY, measure: lockdown, from: 'choice' },
    ];
    const ideal = worldActingAtOnce(scenario, log, 10 * DAY);
    const expected = actual(
      scenario,
      [
        { t: 0, measure: lockdown, from: 'choice' },
        { t: 2 * DAY, measure: { type: 'contact', region: 'next', factor: 0.1 }, from: 'inject' },
      ],
      10 * DAY,
    );
    expect(withoutHistory(ideal)).toEqual(withoutHistory(expected));
  });

  it('[regression] applies an inject’s measures without the trainee’s region, as the run did', () => {
    // Injects send masks from home to next and intercept them on the way, naming no region. In the
    // run no one holds them (an inject acts for no region) and they arrive; the world "acting at
    // once" must differ from the run only in the timing of the trainee's measures, so it must not
    // let home (the shipment's own route) hold them.
    const s = scenario;
    const log: LoggedMeasure[] = [
      {
        t: 0,
        measure: { type: 'ship', id: 's1', supply: 'masks', amount: 5, from: 'home', to: 'next', takes: '3d' },
        from: 'inject',
      },
      { t: DAY, measure: { type: 'intercept', shipment: 's1' }, from: 'inject' },
      { t: DAY, measure: lockdown, from: 'choice' },
    ];
    const real = actual(s, log, 4 * DAY);
    const ideal = worldActingAtOnce(s, log, real.t);
    expect(real.regions.map((r) => r.supplies.masks)).toEqual([95, 15]);
    expect(ideal.regions.map((r) => r.supplies.masks)).toEqual([95, 15]);
  });
});

describe('actingAtOnceTimes', () => {
  const at = (t: number, measure: Measure, from: 'choice' | 'inject' = 'choice'): LoggedMeasure => ({
    t,
    measure,
    from,
  });

  it('[regression] starts each setting at minute 0 and keeps later changes to it, easings too, in their order', () => {
    const log = [
      at(600, { type: 'isolation', region: 'home', share: 0.25 }),
      at(700, { type: 'isolation', region: 'home', share: 0.5 }),
      at(900, { type: 'isolation', region: 'home', share: 0.1 }),
      at(1000, { type: 'isolation', region: 'home', share: 0.5 }),
      at(800, lockdown),
      at(9000, { type: 'contact', region: 'home', factor: 1 }),
      at(1200, { type: 'beds', region: 'home', add: 5, after: '1d' }),
      at(1300, { type: 'beds', region: 'home', add: 5, after: '1d' }),
      at(1100, { type: 'contact', region: 'home', factor: 0.1 }, 'inject'),
      at(1400, { type: 'level', level: 2 }),
    ];
    expect(actingAtOnceTimes(log)).toEqual([0, 100, 300, 400, 0, 8200, 0, 0, 1100, 1400]);
  });
});

describe('outcomeEvent: what the comparison leaves out', () => {
  it('[regression] drops an inject that set what the trainee later set, so it cannot override the moved setting', () => {
    const log: LoggedMeasure[] = [
      { t: DAY, measure: { type: 'contact', region: 'home', factor: 0.9 }, from: 'inject' },
      { t: 5 * DAY, measure: { type: 'contact', region: 'home', factor: 0.5 }, from: 'choice' },
    ];
    expect(actingAtOnceTimes(log, 'home')).toEqual([null, 0]);
  });
});

describe('outcomeEvent', () => {
  it('[regression] charges nothing for an inject’s road closure that the run itself ignored', () => {
    // An inject's "roads" without "from" closes nothing in the run (an inject acts for no region).
    // The world "acting at once" closed the road from home instead, found fewer infections and
    // charged the trainee for a delay there never was.
    const log: LoggedMeasure[] = [
      { t: 0, measure: lockdown, from: 'choice' },
      { t: 0, measure: { type: 'roads', region: 'next', open: false }, from: 'inject' },
    ];
    const real = actual(scenario, log, 30 * DAY);
    expect(real.closed).toEqual([]);
    const ideal = worldActingAtOnce(scenario, log, real.t);
    expect(ideal.regions).toEqual(real.regions);
    expect(ideal.closed).toEqual([]);
    expect(outcomeEvent(scenario, log, real)?.delta).toBe(0);
  });

  it('costs nothing when every containment measure was taken at minute 0', () => {
    const log: LoggedMeasure[] = [
      { t: 0, measure: lockdown, from: 'choice' },
      { t: 0, measure: isolate, from: 'choice' },
    ];
    const event = outcomeEvent(scenario, log, actual(scenario, log, 20 * DAY));
    expect(event).toMatchObject({
      dimension: 'timeliness',
      delta: 0,
      source: { kind: 'rule', rule: 'outcome', decision: null },
      refs: [],
    });
    expect(Object.is(event?.delta, -0)).toBe(false);
    expect(event?.reason).toMatch(/若把你的 2 项防控措施都提前到开局时开始/);
    expect(event?.reason).toMatch(/措施几乎都是即刻采取的，没有因迟滞多出感染。$/);
  });

  it('takes points in proportion to the infections the delay added, and gives the numbers', () => {
    const log: LoggedMeasure[] = [{ t: 10 * DAY, measure: lockdown, from: 'choice' }];
    const real = actual(scenario, log, 30 * DAY);
    const ideal = worldActingAtOnce(scenario, log, real.t);
    const realCases = Math.round(cases(real));
    const idealCases = Math.round(cases(ideal));
    const excess = Math.round(cases(real) - cases(ideal));
    const deaths = (w: WorldState) => w.regions.reduce((n, r) => n + r.D, 0);
    const excessDeaths = Math.round(deaths(real) - deaths(ideal));
    // The larger of the extra share of infections and of deaths.
    const share = Math.max(excess / cases(real), deaths(real) > 0.5 ? Math.max(0, excessDeaths) / deaths(real) : 0);
    expect(excess).toBeGreaterThan(0);

    const event = outcomeEvent(scenario, log, real);
    expect(event?.delta).toBe(-Math.round(Math.min(1, share) * 30));
    expect(event?.delta).toBeLessThan(0);
    expect(event?.reason).toContain(`累计感染约 ${idealCases} 人`);
    expect(event?.reason).toContain(`实际为 ${realCases} 人`);
    expect(event?.reason).toContain(`迟滞多出约 ${excess} 人感染`);
  });

  it('scales with the drill’s outcome weight', () => {
    const log: LoggedMeasure[] = [{ t: 10 * DAY, measure: lockdown, from: 'choice' }];
    const real = actual(scenario, log, 30 * DAY);
    const base = outcomeEvent(scenario, log, real)?.delta ?? 0;
    const heavy = loadable({ ...scenario, scoring: { rules: { outcome: { delta: 90 } } } });
    const heavier = outcomeEvent(heavy, log, real)?.delta ?? 0;
    expect(heavier).toBeLessThan(base);
    expect(Math.abs(heavier - 3 * base)).toBeLessThanOrEqual(2); // rounding only
  });

  it('costs more the later the same measure came', () => {
    const at = (day: number) => {
      const log: LoggedMeasure[] = [{ t: day * DAY, measure: lockdown, from: 'choice' }];
      return outcomeEvent(scenario, log, actual(scenario, log, 40 * DAY))?.delta ?? 0;
    };
    expect(at(15)).toBeLessThanOrEqual(at(5));
    expect(at(5)).toBeLessThanOrEqual(at(0));
  });

  it('is null in a drill without an epidemic', () => {
    const calm = fakeWorldScenario({ epidemic: undefined });
    const log: LoggedMeasure[] = [{ t: DAY, measure: lockdown, from: 'choice' }];
    expect(outcomeEvent(calm, log, actual(calm, log, 2 * DAY))).toBeNull();
    expect(outcomeEvent(fakeScenario(), [], initWorld(fakeScenario()))).toBeNull();
  });

  it('is null when the trainee took no containment measure', () => {
    const log: LoggedMeasure[] = [
      { t: DAY, measure: { type: 'notify', regions: ['next'] }, from: 'choice' },
      { t: DAY, measure: lockdown, from: 'inject' },
    ];
    expect(outcomeEvent(scenario, log, actual(scenario, log, 5 * DAY))).toBeNull();
    expect(outcomeEvent(scenario, [], actual(scenario, [], 5 * DAY))).toBeNull();
  });
});
