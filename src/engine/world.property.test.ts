/**
 * Properties of the world: acting later never helps, intercepting never helps the destination,
 * and a run with a world replays exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakeNumberVar,
  fakePower,
  fakeRegion,
  fakeWorldScenario,
  loadable,
} from '../../test/fake-scenario';
import { type Pick, pickArb as pickArbOf, playPicks } from '../../test/play-picks';
import type { Measure, Scenario } from '../scenario/schema';
import { replay } from './run';
import { advanceWorld, applyMeasure, initWorld, type WorldState } from './world';

const DAY = 1440;

/** A small drill world: 2–4 regions, travel between some pairs, infection seeded in the first. */
const worldArb: fc.Arbitrary<Scenario> = fc
  .record({
    regions: fc.array(
      fc.record({ population: fc.integer({ min: 1000, max: 2_000_000 }), beds: fc.integer({ min: 0, max: 2000 }) }),
      { minLength: 2, maxLength: 4 },
    ),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), perDay: fc.integer({ min: 0, max: 100_000 }) }), {
      maxLength: 6,
    }),
    seeded: fc.integer({ min: 1, max: 1000 }),
    params: fc.record({
      r0: fc.double({ min: 0.5, max: 8, noNaN: true }),
      incubationDays: fc.double({ min: 1, max: 14, noNaN: true }),
      infectiousDays: fc.double({ min: 1, max: 14, noNaN: true }),
      hospitalisedShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      hospitalDays: fc.double({ min: 1, max: 30, noNaN: true }),
      hospitalDeathShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      overflowDeathFactor: fc.double({ min: 1, max: 4, noNaN: true }),
    }),
  })
  .map(({ regions, links, seeded, params }) => {
    const ids = regions.map((_, i) => `r${i}`);
    const pairs = new Map<string, { between: [string, string]; perDay: number }>();
    for (const l of links) {
      const a = l.a % ids.length;
      const b = l.b % ids.length;
      if (a === b) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      pairs.set(`${x}-${y}`, { between: [ids[x] as string, ids[y] as string], perDay: l.perDay });
    }
    return fakeWorldScenario({
      supplies: [],
      regions: regions.map((r, i) => fakeRegion({ id: ids[i], name: `地区${i}`, ...r })),
      travel: [...pairs.values()],
      epidemic: { params, initial: [{ region: 'r0', infectious: Math.min(seeded, regions[0]?.population ?? 1) }] },
      roleRegion: 'r0',
    });
  });

/** One containment measure on a generated world: tighter contact, some isolation, or less travel. */
function containmentArb(scenario: Scenario): fc.Arbitrary<Measure> {
  const region = fc.constantFrom(...(scenario.regions ?? []).map((r) => r.id));
  const options: fc.Arbitrary<Measure>[] = [
    fc.record({ type: fc.constant('contact' as const), region, factor: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
    fc.record({
      type: fc.constant('isolation' as const),
      region,
      share: fc.double({ min: 0.01, max: 0.95, noNaN: true }),
    }),
  ];
  if (scenario.travel?.length) {
    options.push(
      fc.record({
        type: fc.constant('travel' as const),
        between: fc.constantFrom(...scenario.travel.map((t) => t.between)),
        factor: fc.double({ min: 0, max: 0.99, noNaN: true }),
      }),
    );
  }
  return fc.oneof(...options);
}

/** The world at `horizon` with `measure` taken at minute `at`. */
function withMeasureAt(scenario: Scenario, measure: Measure, at: number, horizon: number): WorldState {
  const w = initWorld(scenario);
  advanceWorld(scenario, w, at);
  applyMeasure(scenario, w, measure, at, scenario.roleRegion);
  advanceWorld(scenario, w, horizon);
  return w;
}

const totalCases = (w: WorldState) => w.regions.reduce((sum, r) => sum + r.cum, 0);

describe('the world (property)', () => {
  it('never has fewer infections at a fixed horizon for taking a containment measure later', () => {
    fc.assert(
      fc.property(
        worldArb.chain((scenario) =>
          fc.record({
            scenario: fc.constant(scenario),
            measure: containmentArb(scenario),
            early: fc.integer({ min: 0, max: 20 * DAY }),
            delay: fc.integer({ min: 1, max: 20 * DAY }),
            after: fc.integer({ min: 0, max: 30 * DAY }),
          }),
        ),
        ({ scenario, measure, early, delay, after }) => {
          const late = early + delay;
          const horizon = late + after;
          const sooner = totalCases(withMeasureAt(scenario, measure, early, horizon));
          const later = totalCases(withMeasureAt(scenario, measure, late, horizon));
          // Up to a millionth or so of the total. Where nearly everyone is infected either way, the model's
          // daily steps can end the earlier measure a little higher: in 1.5 million runs (five of 300,000)
          // at most 11.4 people of 3.2 million (3.5e-6 of the total; seeds -176157706 and 261706773 gave
          // 0.013 and 0.026 of a person, which a billionth did not cover: about one suite in 500 failed).
          // A measure's real effect, and any error of sign, is thousands of people.
          expect(sooner).toBeLessThanOrEqual(later * (1 + 1e-5) + 0.01);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never gives the destination more by intercepting a shipment than by letting it through', () => {
    fc.assert(
      fc.property(
        fc.record({
          stocks: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }),
          from: fc.integer({ min: 0, max: 3 }), // 3: a region outside the drill
          to: fc.integer({ min: 0, max: 2 }),
          acting: fc.integer({ min: 0, max: 2 }),
          amount: fc.integer({ min: 0, max: 2000 }),
          sent: fc.integer({ min: 0, max: 3 * DAY }),
          takes: fc.integer({ min: 0, max: 3 * DAY }),
          stopped: fc.integer({ min: 0, max: 6 * DAY }),
          looks: fc.array(fc.integer({ min: 0, max: 10 * DAY }), { minLength: 1, maxLength: 5 }),
        }),
        ({ stocks, from, to, acting, amount, sent, takes, stopped, looks }) => {
          // Not the destination itself: intercepting a shipment bound for one's own region only brings
          // it early, which the engine allows (and scores as an interception).
          fc.pre(acting !== to);
          const ids = ['a', 'b', 'c'];
          const scenario = fakeWorldScenario({
            regions: ids.map((id, i) => fakeRegion({ id, name: `地区${i}`, supplies: { masks: stocks[i] ?? 0 } })),
            travel: [],
            epidemic: undefined,
            roleRegion: ids[acting],
          });
          const ship: Measure = {
            type: 'ship',
            id: 's1',
            supply: 'masks',
            amount,
            from: ids[from] ?? 'capital',
            to: ids[to] as string,
            // Through the acting region, so that it may stop the shipment.
            ...(from === acting ? {} : { via: [ids[acting] as string] }),
            takes: `${takes}m`,
          };
          const stopAt = sent + stopped;
          const world = (stop: 'intercept' | 'release') => {
            const w = initWorld(scenario);
            advanceWorld(scenario, w, sent);
            applyMeasure(scenario, w, ship, sent, scenario.roleRegion);
            advanceWorld(scenario, w, stopAt);
            applyMeasure(scenario, w, { type: stop, shipment: 's1' }, stopAt, scenario.roleRegion);
            return w;
          };
          const intercepted = world('intercept');
          const released = world('release');
          for (const look of [...looks].sort((x, y) => x - y)) {
            if (look < stopAt) continue;
            advanceWorld(scenario, intercepted, look);
            advanceWorld(scenario, released, look);
            const stock = (w: WorldState) => w.regions[to]?.supplies.masks ?? 0;
            expect(stock(intercepted)).toBeLessThanOrEqual(stock(released));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

// A drill with everything of the world that could make a replay drift: an epidemic in two regions,
// a start inject, timed and conditional injects, injects that open nodes and "$return", a power
// the trainee lacks and may ask for, proportionality, shipments to intercept, random effects,
// a timed node, world conditions in offers and branches, and two endings.
const drill = loadable(
  fakeWorldScenario({
    // A fast epidemic, so that the thresholds below are crossed within a few in-game days.
    epidemic: {
      params: { r0: 4, incubationDays: 2, infectiousDays: 3 },
      initial: [{ region: 'home', infectious: 100 }],
    },
    references: [fakeLaw()],
    powers: [fakePower()],
    variables: [fakeNumberVar({ id: 'alarms', min: 0, max: 20, initial: 0 })],
    injects: [
      fakeInject({ id: 'policy', at: '0m', world: [{ type: 'policy', contact: 0.6 }] }),
      fakeInject({
        id: 'order',
        at: '1d',
        world: [
          {
            type: 'ship',
            id: 's1',
            supply: 'masks',
            amount: 20,
            from: 'capital',
            to: 'next',
            via: ['home'],
            takes: '2d',
          },
        ],
      }),
      fakeInject({ id: 'call', at: '12h', opens: 'press' }),
      fakeInject({
        id: 'surge',
        at: undefined,
        when: { metric: 'cases', region: 'home', op: '>=', value: 300 },
        effects: [{ op: 'add', var: 'alarms', value: 1 }],
        opens: 'crisis',
      }),
      fakeInject({
        id: 'rumour',
        at: undefined,
        when: { all: [{ after: '1d' }, { metric: 'trust', region: 'home', op: '<', value: 60 }] },
        world: [{ type: 'trust', region: 'home', add: -5 }],
      }),
    ],
    nodes: [
      fakeDecision({
        id: 'n1',
        timeLimitSec: 60,
        timeoutChoice: 'wait',
        choices: [
          fakeChoice({
            id: 'ask',
            takes: '6h',
            requests: {
              power: 'lockdown',
              from: 'province',
              after: '6h',
              when: { metric: 'cases', op: '>=', value: 130 },
            },
            next: 'n1',
          }),
          fakeChoice({
            id: 'lock',
            takes: '12h',
            power: 'lockdown',
            world: [{ type: 'contact', region: 'home', factor: 0.3 }],
            next: 'n2',
          }),
          fakeChoice({
            id: 'isolate',
            takes: '12h',
            needs: { when: { metric: 'cases', region: 'home', op: '>=', value: 150 } },
            world: [{ type: 'isolation', region: 'home', share: 0.5 }],
            next: 'n2',
          }),
          fakeChoice({
            id: 'wait',
            takes: '12h',
            timeoutOnly: true,
            effects: [{ op: 'random', var: 'alarms', min: 0, max: 3 }],
            next: [{ when: { metric: 'cases', op: '>=', value: 400 }, to: 'bad' }, { to: 'n1' }],
          }),
        ],
      }),
      fakeDecision({
        id: 'n2',
        choices: [
          fakeChoice({ id: 'notify', takes: '12h', world: [{ type: 'notify', regions: ['next'] }], next: 'n2' }),
          fakeChoice({ id: 'grab', takes: '12h', world: [{ type: 'intercept', shipment: 's1' }], next: 'n2' }),
          fakeChoice({ id: 'pass', takes: '12h', world: [{ type: 'release', shipment: 's1' }], next: 'n2' }),
          fakeChoice({
            id: 'close',
            takes: '12h',
            when: { authorised: 'lockdown' },
            world: [{ type: 'roads', region: 'next', open: false }],
            next: 'n2',
          }),
          fakeChoice({
            id: 'hold',
            takes: '1d',
            next: [
              { when: { metric: 'cases', op: '>=', value: 400 }, to: 'bad' },
              { when: { after: '3d' }, to: 'good' },
              { to: 'n2' },
            ],
          }),
        ],
      }),
      fakeDecision({
        id: 'crisis',
        choices: [
          fakeChoice({
            id: 'beds',
            takes: '2h',
            world: [{ type: 'beds', region: 'home', add: 100, after: '1d' }],
            next: '$return',
          }),
          fakeChoice({
            id: 'dice',
            takes: '1h',
            effects: [{ op: 'random', var: 'alarms', min: 0, max: 5 }],
            next: '$return',
          }),
        ],
      }),
      fakeDecision({
        id: 'press',
        choices: [
          fakeChoice({ id: 'speak', takes: '1h', world: [{ type: 'trust', region: 'home', add: 5 }], next: '$return' }),
          fakeChoice({
            id: 'silent',
            takes: '30m',
            world: [{ type: 'trust', region: 'home', add: -10 }],
            next: '$return',
          }),
        ],
      }),
      fakeEnding({ id: 'good', tone: 'good' }),
      fakeEnding({ id: 'bad', tone: 'bad' }),
    ],
  }),
);

const pickArb = pickArbOf(90_000);

const seedArb = fc.oneof(fc.integer(), fc.nat({ max: 0xffffffff }));

const play = (seed: number, picks: readonly Pick[]) => playPicks(drill, seed, picks);

describe('replay with a world (property)', () => {
  it('deep-equals stepping choose, and gives the same state and events every time', () => {
    fc.assert(
      fc.property(seedArb, fc.array(pickArb, { maxLength: 20 }), (seed, picks) => {
        const first = play(seed, picks);
        expect(replay(drill, seed, first.decisions)).toEqual(first.state);
        expect(play(seed, picks)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the world whole: people conserved, nothing negative, clocks in step', () => {
    fc.assert(
      fc.property(seedArb, fc.array(pickArb, { maxLength: 20 }), (seed, picks) => {
        const { state } = play(seed, picks);
        const populations = (drill.regions ?? []).map((r) => r.population);
        state.world.regions.forEach((r, i) => {
          const people = r.S + r.E + r.I + r.H + r.R + r.D;
          expect(Math.abs(people - (populations[i] ?? 0))).toBeLessThan(1e-6 * (populations[i] ?? 0));
          for (const x of [r.S, r.E, r.I, r.H, r.R, r.D, r.beds, r.trust, ...Object.values(r.supplies)]) {
            expect(x).toBeGreaterThanOrEqual(0);
          }
        });
        expect(state.world.t).toBeLessThanOrEqual(state.clock);
        expect(state.clock - state.world.t).toBeLessThan(360);
        expect(state.violations).toBe(
          state.scoreEvents.filter((e) => e.source.kind === 'rule' && e.source.rule === 'unlawfulPower').length,
        );
        expect(new Set(state.injects.map((x) => x.id)).size).toBe(state.injects.length);
      }),
      { numRuns: 150 },
    );
  });

  it('exercises the interesting paths (guards the fixture against going stale)', () => {
    const injects = new Set<string>();
    const endings = new Set<string>();
    const rules = new Set<string>();
    let returns = 0;
    let lawfulLocks = 0;
    fc.assert(
      fc.property(fc.integer(), fc.array(pickArb, { minLength: 5, maxLength: 20 }), (seed, picks) => {
        const { state } = play(seed, picks);
        for (const x of state.injects) injects.add(x.id);
        if (state.ending) endings.add(state.ending);
        for (const e of state.scoreEvents) if (e.source.kind === 'rule') rules.add(e.source.rule);
        state.timeline.forEach((t, i) => {
          const to = state.timeline[i + 1]?.nodeId;
          if ((t.nodeId === 'crisis' || t.nodeId === 'press') && to !== 'crisis' && to !== 'press') returns++;
        });
        if (state.timeline.some((t) => t.choiceId === 'lock') && state.violations === 0) lawfulLocks++;
      }),
      { numRuns: 300, seed: 2026 },
    );
    expect([...injects].sort()).toEqual(['call', 'order', 'policy', 'rumour', 'surge']);
    expect([...endings].sort()).toEqual(['bad', 'good']);
    for (const rule of ['unlawfulPower', 'disproportionate', 'notify', 'intercept', 'letThrough', 'closeRoad']) {
      expect(rules).toContain(rule);
    }
    expect(returns).toBeGreaterThan(0);
    expect(lawfulLocks).toBeGreaterThan(0);
  });
});
