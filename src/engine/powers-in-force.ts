import type { Power, Scenario } from '../scenario/schema';

/**
 * The power as the drill's legal framework has it. The same power may be declared once per
 * range of law years (the 2013 and 2025 texts of the 传染病防治法 differ on who may act first);
 * the drill's `legalFramework` picks the entry in force.
 */
export function powerInForce(scenario: Scenario, id: string): Power | undefined {
  return scenario.powers?.find((p) => p.id === id && inForce(p, scenario.legalFramework));
}

export function inForce(power: Power, year: number): boolean {
  return (power.from ?? Number.NEGATIVE_INFINITY) <= year && year < (power.until ?? Number.POSITIVE_INFINITY);
}
