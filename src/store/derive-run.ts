/**
 * The run state is never stored: it is derived from the saved decision log by replay. A store
 * keeps one cached derivation (made with the store, so two stores never share it) and extends it
 * step by step when the log only grew, so a decision costs one `choose`, not a whole replay.
 */
import { type Decision, IllegalDecisionError, type Origin, type RunState, type TimeLimits } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { runEngine } from './run-engine';

/** A saved run's log replayed on a drill: the RunState it leads to, or the decision the drill refused. */
export type ReplayResult = { ok: true; state: RunState } | { ok: false; error: IllegalDecisionError };

/** One store's cache of the last replay, extended by one step per decision. */
export interface DerivedRunCache {
  /**
   * The log replayed on `scenario` from `origin` (a trial's) or from the start, under the run's time
   * limits, reusing the last replay where it can.
   */
  derive: (
    scenario: Scenario,
    seed: number,
    decisions: readonly Decision[],
    origin?: Origin,
    timeLimits?: TimeLimits,
  ) => ReplayResult;
  /** Seeds the cache with a state just computed by `choose`, so the next derivation does not repeat it. */
  remember: (
    scenario: Scenario,
    seed: number,
    decisions: readonly Decision[],
    origin: Origin | undefined,
    state: RunState,
    timeLimits?: TimeLimits,
  ) => void;
}

interface CachedReplay {
  scenario: Scenario;
  seed: number;
  decisions: readonly Decision[];
  origin: Origin | undefined;
  timeLimits: TimeLimits;
  result: ReplayResult;
}

export function createDerivedRunCache(): DerivedRunCache {
  let last: CachedReplay | null = null;
  return {
    derive(scenario, seed, decisions, origin, timeLimits = 'x1') {
      const same =
        last !== null &&
        last.scenario === scenario &&
        last.seed === seed &&
        last.timeLimits === timeLimits &&
        sameOrigin(last.origin, origin);
      if (same && last?.decisions === decisions) return last.result;
      let state: RunState | null = null;
      let from = 0;
      if (same && last?.result.ok && isPrefixOf(last.decisions, decisions)) {
        state = last.result.state;
        from = last.decisions.length;
      }
      let result: ReplayResult;
      const { choose, start, startAt } = runEngine();
      try {
        state ??= origin ? startAt(scenario, seed, origin, timeLimits) : start(scenario, seed, timeLimits);
        for (let i = from; i < decisions.length; i++) {
          const decision = decisions[i] as Decision;
          [state] = choose(scenario, state, decision.choiceId, decision.realMs);
        }
        result = { ok: true, state };
      } catch (e) {
        if (!(e instanceof IllegalDecisionError)) throw e;
        result = { ok: false, error: e };
      }
      last = { scenario, seed, decisions, origin, timeLimits, result };
      return result;
    },
    remember(scenario, seed, decisions, origin, state, timeLimits = 'x1') {
      last = { scenario, seed, decisions, origin, timeLimits, result: { ok: true, state } };
    },
  };
}

function isPrefixOf(prefix: readonly Decision[], full: readonly Decision[]): boolean {
  if (prefix.length > full.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const a = prefix[i] as Decision;
    const b = full[i] as Decision;
    if (a !== b && (a.choiceId !== b.choiceId || a.realMs !== b.realMs)) return false;
  }
  return true;
}

function sameOrigin(a: Origin | undefined, b: Origin | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
