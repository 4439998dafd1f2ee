/**
 * The case history shared between states (case-series.ts): read through the shared chunks, every
 * series holds exactly what a plain copy would, however copies branch and grow; and in a run, a
 * state's history is the one a fresh replay gives, untouched by choosing on from it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeWorldScenario, loadable } from '../../test/fake-scenario';
import { CaseSeries, CHUNK_ROWS } from './case-series';
import { choose, replay, start } from './run';
import type { Decision, RunState } from './types';

/** The plain arrays a series should show. */
interface Model {
  t: number[];
  cases: number[][];
}

type Op = { kind: 'copy'; from: number } | { kind: 'append'; to: number; t: number; counts: number[] };

const REGIONS = 3;

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), from: fc.nat() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      to: fc.nat(),
      t: fc.nat(),
      counts: fc.array(fc.double({ noNaN: true }), { minLength: REGIONS, maxLength: REGIONS }),
    }),
  },
);

describe('CaseSeries', () => {
  it('reads, after any copies and appends, what plain arrays copied whole would hold', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: CHUNK_ROWS + 3 }), (ops, prefill) => {
        const first = CaseSeries.start(0, [1, 2, 3]);
        const model: Model = { t: [0], cases: [[1], [2], [3]] };
        // Rows enough that copies share full chunks as well as a partial one.
        for (let k = 1; k <= prefill; k++) {
          first.append(k, [k, k + 0.5, -k]);
          model.t.push(k);
          model.cases.forEach((c, i) => {
            c.push([k, k + 0.5, -k][i] as number);
          });
        }
        const series = [first];
        const models = [model];
        for (const o of ops) {
          if (o.kind === 'copy') {
            const i = o.from % series.length;
            series.push((series[i] as CaseSeries).copy());
            const m = models[i] as Model;
            models.push({ t: [...m.t], cases: m.cases.map((c) => [...c]) });
          } else {
            const i = o.to % series.length;
            (series[i] as CaseSeries).append(o.t, o.counts);
            const m = models[i] as Model;
            m.t.push(o.t);
            m.cases.forEach((c, r) => {
              c.push(o.counts[r] as number);
            });
          }
        }
        series.forEach((s, i) => {
          const m = models[i] as Model;
          expect(s.length).toBe(m.t.length);
          expect({ t: s.t, cases: s.cases }).toEqual(m);
          expect(s.tAt(m.t.length - 1)).toBe(m.t.at(-1));
          expect(s.caseAt(m.t.length - 1, 2)).toBe(m.cases[2]?.at(-1));
        });
      }),
    );
  });

  it('compares and clones as the plain data it shows', () => {
    const s = CaseSeries.start(0, [5, 6]);
    s.append(360, [7, 8]);
    expect(s).toEqual({
      t: [0, 360],
      cases: [
        [5, 7],
        [6, 8],
      ],
    });
    expect(structuredClone(s)).toEqual({
      t: [0, 360],
      cases: [
        [5, 7],
        [6, 8],
      ],
    });
  });
});

// Long enough (40 decisions of 18 hours: 120 steps) that states share full chunks and partial ones.
const decisions = 40;
const scenario = loadable(
  fakeWorldScenario({
    start: 'd0',
    nodes: [
      ...Array.from({ length: decisions }, (_, i) =>
        fakeDecision({
          id: `d${i}`,
          choices: [
            fakeChoice({
              id: 'act',
              takes: '18h',
              world: [{ type: 'contact', region: 'home', factor: 0.9 }],
              next: i === decisions - 1 ? 'end' : `d${i + 1}`,
            }),
            fakeChoice({ id: 'wait', takes: '18h', next: i === decisions - 1 ? 'end' : `d${i + 1}` }),
          ],
        }),
      ),
      fakeEnding({ id: 'end' }),
    ],
  }),
);

const history = (state: RunState) => ({
  t: [...state.world.series.t],
  cases: state.world.series.cases.map((c) => [...c]),
});

describe('the case history in a run', () => {
  it("is a fresh replay's, and is not changed by choosing on from an older state", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('act', 'wait'), { minLength: 1, maxLength: decisions }),
        fc.nat(),
        fc.array(fc.constantFrom('act', 'wait'), { minLength: 1, maxLength: 8 }),
        (line, at, other) => {
          const states: RunState[] = [start(scenario, 1)];
          for (const choiceId of line) states.push(choose(scenario, states.at(-1) as RunState, choiceId, 1000)[0]);
          const before = states.map(history);
          // Branch from a past state, as the what-if and the best-line search do, and go on along both lines.
          const from = at % states.length;
          let branch = states[from] as RunState;
          for (const choiceId of other) {
            if (branch.ending !== null) break;
            branch = choose(scenario, branch, choiceId, 1000)[0];
          }
          if ((states.at(-1) as RunState).ending === null) choose(scenario, states.at(-1) as RunState, 'act', 1000);
          expect(states.map(history)).toEqual(before);
          const log: Decision[] = line.map((choiceId) => ({ choiceId, realMs: 1000 }));
          states.forEach((state, i) => {
            expect(history(state)).toEqual(history(replay(scenario, 1, log.slice(0, i))));
          });
          const branchLog = [...log.slice(0, from), ...other.map((choiceId) => ({ choiceId, realMs: 1000 }))].slice(
            0,
            branch.decisions.length,
          );
          expect(history(branch)).toEqual(history(replay(scenario, 1, branchLog)));
        },
      ),
      { numRuns: 25 },
    );
  });
});
