/** Small questions about score events that the run's screens ask, without the whole debrief. */
import type { Reference, Scenario } from '../scenario/schema';
import { scenarioIndex } from './scenario-index';
import type { ScoreEvent } from './types';

/** The decision an event belongs to; null for one scored at the end. */
export function eventDecision(event: ScoreEvent): number | null {
  return event.source.decision;
}

/** The references a score event cites, resolved; unknown ids are skipped (lint reports them). */
export function referencesOf(scenario: Scenario, event: ScoreEvent): Reference[] {
  const refs = scenarioIndex(scenario).reference;
  return event.refs.flatMap((id) => {
    const ref = refs.get(id);
    return ref ? [ref] : [];
  });
}
