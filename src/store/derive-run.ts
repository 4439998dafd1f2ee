/**
 * The run state is never stored: it is derived from the decision log by replay. This keeps one
 * cached derivation and extends it step by step when the log only grew, so a decision costs one
 * `choose`, not a whole replay.
 */
import { choose, start } from '../engine/run';
import { type Decision, IllegalDecisionError, type RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export type Derived = { ok: true; state: RunState } | { ok: false; error: IllegalDecisionError };

interface CacheEntry {
  scenario: Scenario;
  seed: number;
  decisions: readonly Decision[];
  derived: Derived;
}

let last: CacheEntry | null = null;

function isPrefixOf(prefix: readonly Decision[], full: readonly Decision[]): boolean {
  if (prefix.length > full.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const a = prefix[i] as Decision;
    const b = full[i] as Decision;
    if (a !== b && (a.choiceId !== b.choiceId || a.realMs !== b.realMs)) return false;
  }
  return true;
}

export function deriveRun(scenario: Scenario, seed: number, decisions: readonly Decision[]): Derived {
  if (last && last.scenario === scenario && last.seed === seed && last.decisions === decisions) return last.derived;
  let state: RunState;
  let from = 0;
  if (last?.derived.ok && last.scenario === scenario && last.seed === seed && isPrefixOf(last.decisions, decisions)) {
    state = last.derived.state;
    from = last.decisions.length;
  } else {
    state = start(scenario, seed);
  }
  let derived: Derived;
  try {
    for (let i = from; i < decisions.length; i++) {
      const d = decisions[i] as Decision;
      [state] = choose(scenario, state, d.choiceId, d.realMs);
    }
    derived = { ok: true, state };
  } catch (e) {
    if (!(e instanceof IllegalDecisionError)) throw e;
    derived = { ok: false, error: e };
  }
  last = { scenario, seed, decisions, derived };
  return derived;
}

/** Seeds the cache with a state just computed by `choose`, so the next derivation does not repeat it. */
export function remember(scenario: Scenario, seed: number, decisions: readonly Decision[], state: RunState): void {
  last = { scenario, seed, decisions, derived: { ok: true, state } };
}
