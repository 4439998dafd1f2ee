/**
 * The score span lint warns on is a bound, never a guess: whatever a trainee does in a random
 * drill (branches, loops, timeouts, time windows, an inject that interrupts), each dimension's
 * sum of score events lies within it. A span that were ever too narrow would be a false warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeScenario,
  fakeWindow,
} from '../../../test/fake-scenario';
import { pickArb, playPicks } from '../../../test/play-picks';
import { DIMENSIONS } from '../../engine/scoring';
import type { Dimension, Scenario, ScoreRule } from '../schema';
import { scoreSpan } from './scale';

const scoreArb: fc.Arbitrary<ScoreRule[]> = fc.array(
  fc.record({
    dimension: fc.constantFrom<Dimension>(...DIMENSIONS),
    delta: fc.integer({ min: -30, max: 30 }),
    reason: fc.constant('理由。'),
  }),
  { maxLength: 3 },
);

/** `n` decisions whose choices lead anywhere (loops included) or to the ending, scored at random. */
const drillArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      nodes: fc.array(
        fc.record({
          timed: fc.boolean(),
          choices: fc.array(fc.record({ to: fc.nat({ max: n }), score: scoreArb, completes: fc.boolean() }), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        { minLength: n, maxLength: n },
      ),
      window: fc.boolean(),
      interrupt: fc.option(scoreArb, { nil: undefined }),
      timeoutPenalty: fc.nat({ max: 20 }),
    })
    .map(({ nodes, window, interrupt, timeoutPenalty }) =>
      fakeScenario({
        start: 'd0',
        scoring: { timeoutPenalty },
        timeWindows: window ? [fakeWindow({ id: 'w', ideal: '1h', latest: '3h' })] : undefined,
        injects: interrupt ? [fakeInject({ at: '1h', opens: 'x' })] : undefined,
        nodes: [
          ...nodes.map((node, i) =>
            fakeDecision({
              id: `d${i}`,
              ...(node.timed ? { timeLimitSec: 30, timeoutChoice: 'c0' } : {}),
              choices: node.choices.map((c, j) =>
                fakeChoice({
                  id: `c${j}`,
                  next: c.to < n ? `d${c.to}` : 'end',
                  score: c.score,
                  completes: window && c.completes ? ['w'] : undefined,
                }),
              ),
            }),
          ),
          ...(interrupt
            ? [fakeDecision({ id: 'x', choices: [fakeChoice({ next: '$return', score: interrupt })] })]
            : []),
          fakeEnding(),
        ],
      }),
    ),
);

describe('scoreSpan', () => {
  it('bounds the score events of every run that ends', () => {
    fc.assert(
      fc.property(drillArb, fc.array(pickArb(60_000), { maxLength: 30 }), (scenario, picks) => {
        const span = scoreSpan(scenario);
        const { state } = playPicks(scenario, 1, picks);
        if (state.ending === null) return;
        for (const d of DIMENSIONS) {
          const sum = state.scoreEvents.filter((e) => e.dimension === d).reduce((t, e) => t + e.delta, 0);
          expect(sum).toBeGreaterThanOrEqual(span[d].lo);
          expect(sum).toBeLessThanOrEqual(span[d].hi);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
