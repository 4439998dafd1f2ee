import fc from 'fast-check';
import { expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { choose, currentDecision, offeredChoices, replay, start } from '../engine/run';
import { type Decision, TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { createDerivedRunCache } from './derive-run';

/** A legal decision log for `picks`: each pick chooses among the offered choices (or times out). */
function legalLog(scenario: Scenario, seed: number, picks: number[]): Decision[] {
  let state = start(scenario, seed);
  const log: Decision[] = [];
  for (const p of picks) {
    const node = currentDecision(scenario, state);
    if (!node) break;
    const offered = offeredChoices(scenario, state);
    const choiceId = node.timeLimitSec && p % 5 === 0 ? TIMEOUT : (offered[p % offered.length]?.id ?? TIMEOUT);
    const d = { choiceId, realMs: (p * 997) % 90_000 };
    [state] = choose(scenario, state, d.choiceId, d.realMs);
    log.push(d);
  }
  return log;
}

it('a store’s derived-run cache, extended step by step, equals a full replay over any sequence of calls', () => {
  // One cache for every call, as a store has: each call may extend, cut or miss what the last one left.
  const derivedRuns = createDerivedRunCache();
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          drill: fc.constantFrom(uiDrill, worldDrill),
          seed: fc.integer({ min: 0, max: 3 }),
          picks: fc.array(fc.nat(50), { maxLength: 6 }),
          cut: fc.nat(6),
          editLast: fc.boolean(),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      (calls) => {
        for (const c of calls) {
          let log = legalLog(c.drill, c.seed, c.picks).slice(0, c.cut);
          const last = log[log.length - 1];
          if (c.editLast && last) log = [...log.slice(0, -1), { ...last, realMs: last.realMs + 100_000 }];
          const replayed = derivedRuns.derive(c.drill, c.seed, log);
          let expected: ReturnType<typeof replay>;
          try {
            expected = replay(c.drill, c.seed, log);
          } catch {
            expect(replayed.ok).toBe(false);
            continue;
          }
          expect(replayed.ok && replayed.state).toEqual(expected);
        }
      },
    ),
    { numRuns: 200 },
  );
});
