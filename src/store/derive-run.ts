/**
 * The run state is never stored: it is derived from the decision log by replay. This keeps one
 * cached derivation and extends it step by step when the log only grew, so a decision costs one
 * `choose`, not a whole replay.
 */
import { choose, start, startAt } from '../engine/run';
import { type Decision, IllegalDecisionError, type Origin, type RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export type Derived = { ok: true; state: RunState } | { ok: false; error: IllegalDecisionError };

interface CacheEntry {
  scenario: Scenario;
  seed: number;
  decisions: readonly Decision[];
  origin: Origin | undefined;
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

export function deriveRun(scenario: Scenario, seed: number, decisions: readonly Decision[], origin?: Origin): Derived {
  const same = last !== null && last.scenario === scenario && last.seed === seed && sameOrigin(last.origin, origin);
  if (same && last?.decisions === decisions) return last.derived;
  let state: RunState | null = null;
  let from = 0;
  if (same && last?.derived.ok && isPrefixOf(last.decisions, decisions)) {
    state = last.derived.state;
    from = last.decisions.length;
  }
  let derived: Derived;
  try {
    state ??= origin ? startAt(scenario, seed, origin) : start(scenario, seed);
    for (let i = from; i < decisions.length; i++) {
      const d = decisions[i] as Decision;
      [state] = choose(scenario, state, d.choiceId, d.realMs);
    }
    derived = { ok: true, state };
  } catch (e) {
    if (!(e instanceof IllegalDecisionError)) throw e;
    derived = { ok: false, error: e };
  }
  last = { scenario, seed, decisions, origin, derived };
  return derived;
}

function sameOrigin(a: Origin | undefined, b: Origin | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** Seeds the cache with a state just computed by `choose`, so the next derivation does not repeat it. */
export function remember(
  scenario: Scenario,
  seed: number,
  decisions: readonly Decision[],
  origin: Origin | undefined,
  state: RunState,
): void {
  last = { scenario, seed, decisions, origin, derived: { ok: true, state } };
}
