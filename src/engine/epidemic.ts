/**
 * The epidemic: one SEIHRD compartment model per region, coupled by daily travel, advanced with
 * a fixed explicit step. Equations and the sources of the default parameters: docs/epidemic.md.
 */
import type { EpidemicParams } from '../scenario/schema';

/** The fixed step: a quarter of a day. */
export const STEP_MINUTES = 360;
const STEP_DAYS = STEP_MINUTES / 1440;

export const DEFAULT_PARAMS: Required<EpidemicParams> = {
  r0: 2.2,
  incubationDays: 5.2,
  infectiousDays: 5,
  hospitalisedShare: 0.029,
  hospitalDays: 12,
  hospitalDeathShare: 0.17,
  overflowDeathFactor: 2,
};

/** Daily rates derived from the parameters. */
export interface Rates {
  beta: number;
  sigma: number;
  gamma: number;
  hosp: number;
  leave: number;
  deathShare: number;
  overflowDeathShare: number;
}

export function ratesOf(params: EpidemicParams | undefined): Rates {
  const p = { ...DEFAULT_PARAMS, ...params };
  const removal = 1 / p.infectiousDays;
  return {
    beta: p.r0 * removal,
    sigma: 1 / p.incubationDays,
    gamma: removal * (1 - p.hospitalisedShare),
    hosp: removal * p.hospitalisedShare,
    leave: 1 / p.hospitalDays,
    deathShare: p.hospitalDeathShare,
    overflowDeathShare: Math.min(1, p.hospitalDeathShare * p.overflowDeathFactor),
  };
}

/** One region's people, by compartment, and what measures have set there. */
export interface Compartments {
  S: number;
  E: number;
  I: number;
  H: number;
  R: number;
  D: number;
  /** Everyone ever infected (flowed from S to E), including those seeded at the start. */
  cum: number;
}

export interface Link {
  a: number;
  b: number;
  /** People travelling each way per day, before measures. */
  perDay: number;
}

/**
 * Advances every region by one fixed step. NOTE mutates `people`.
 * `contact`, `isolation` and `beds` are per region; `travel` is the current factor of each link.
 */
let PRESSURE = new Float64Array(16);
let ALIVE = new Float64Array(16);

export function step(
  rates: Rates,
  people: Compartments[],
  links: readonly Link[],
  travel: ArrayLike<number>,
  contact: ArrayLike<number>,
  isolation: ArrayLike<number>,
  beds: ArrayLike<number>,
): void {
  const n = people.length;
  // Infectious pressure in each region: its own unisolated infectious, plus infectious visitors.
  // Reused from step to step (every step of every replay), not allocated.
  if (PRESSURE.length < n) {
    PRESSURE = new Float64Array(n);
    ALIVE = new Float64Array(n);
  }
  const pressure = PRESSURE;
  const alive = ALIVE;
  for (let r = 0; r < n; r++) {
    const c = people[r] as Compartments;
    alive[r] = c.S + c.E + c.I + c.H + c.R;
    pressure[r] = c.I * (1 - (isolation[r] ?? 0));
  }
  for (let k = 0; k < links.length; k++) {
    const link = links[k] as Link;
    const flow = link.perDay * (travel[k] ?? 1);
    if (flow === 0) continue;
    const a = link.a;
    const b = link.b;
    const aliveA = alive[a] as number;
    const aliveB = alive[b] as number;
    const ca = people[a] as Compartments;
    const cb = people[b] as Compartments;
    if (aliveB > 0) pressure[a] = (pressure[a] as number) + (flow * cb.I * (1 - (isolation[b] ?? 0))) / aliveB;
    if (aliveA > 0) pressure[b] = (pressure[b] as number) + (flow * ca.I * (1 - (isolation[a] ?? 0))) / aliveA;
  }
  for (let r = 0; r < n; r++) {
    const c = people[r] as Compartments;
    const N = alive[r] as number;
    if (N <= 0) continue;
    const infect = Math.min(c.S, (rates.beta * (contact[r] ?? 1) * (pressure[r] as number) * c.S * STEP_DAYS) / N);
    const onset = Math.min(c.E, rates.sigma * c.E * STEP_DAYS);
    const outI = Math.min(c.I, (rates.gamma + rates.hosp) * c.I * STEP_DAYS);
    // Shares are rounded to at most 1 before they multiply, so a part never comes out a rounding
    // above its whole and no compartment is left a denormal below zero.
    const toH = outI * Math.min(1, rates.hosp / (rates.gamma + rates.hosp));
    const leaveH = Math.min(c.H, rates.leave * c.H * STEP_DAYS);
    // Patients beyond the beds die more often.
    const inBed = Math.min(c.H, beds[r] ?? 0);
    const share =
      c.H > 0 ? Math.min(1, (rates.deathShare * inBed + rates.overflowDeathShare * (c.H - inBed)) / c.H) : 0;
    const deaths = leaveH * share;
    c.S -= infect;
    c.E += infect - onset;
    c.I += onset - outI;
    c.H += toH - leaveH;
    c.R += outI - toH + (leaveH - deaths);
    c.D += deaths;
    c.cum += infect;
  }
}
