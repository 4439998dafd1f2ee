import type { Scenario } from '../scenario/schema';

/** The display name of a declared region, actor or supply; the id itself when it is not declared. */
export function findName(scenario: Scenario, kind: 'region' | 'actor' | 'supply', id: string): string {
  const list = kind === 'region' ? scenario.regions : kind === 'actor' ? scenario.actors : scenario.supplies;
  return list?.find((x) => x.id === id)?.name ?? id;
}
