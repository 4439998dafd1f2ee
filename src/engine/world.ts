/**
 * The world of a run: regions with their epidemic, beds, supplies and trust; travel between them;
 * shipments in transit; the response level and the higher level's policy. Plain data, copied on
 * change, so a run state stays a value.
 */
import type { Measure, Metric, Scenario } from '../scenario/schema';
import { CaseSeries } from './case-series';
import { parseDuration } from './clock';
import { type Compartments, type Link, type Rates, ratesOf, STEP_MINUTES, step } from './epidemic';

/** Values a trial run's inspector sets on a region. */
export interface RegionOverride {
  /** People infectious now: moved from (or back to) the susceptible. */
  infectious?: number;
  beds?: number;
  trust?: number;
}

export interface RegionState extends Compartments {
  beds: number;
  /** Contact factor: 1 normal, 0.5 halved. */
  contact: number;
  /** Share of the infectious found and isolated. */
  isolation: number;
  trust: number;
  supplies: Record<string, number>;
}

export interface Shipment {
  id: string;
  supply: string;
  amount: number;
  from: string;
  to: string;
  /** The regions that may hold it on its way: `from`, then the ones it passes through (`via`). */
  route: string[];
  /** Regions on the route that let it through: they can no longer intercept it. */
  clearedBy: string[];
  /** In-game minute it arrives, unless intercepted. */
  arrives: number;
  /** 'released': let through by some region on its route, still on its way. */
  status: 'moving' | 'released' | 'delivered' | 'intercepted';
}

export interface ClosedRoad {
  name: string;
  /** Index of the link the road belongs to. */
  link: number;
  share: number;
}

export interface WorldState {
  /** In-game minutes the epidemic has been advanced to (lags the clock by less than one step). */
  t: number;
  /** In scenario order. */
  regions: RegionState[];
  /** Travel factor of each link (scenario.travel order), as measures set it. */
  travel: number[];
  /** Links closed by road closures, by index. */
  closed: number[];
  /** Named roads closed (a `road` measure), each carrying `share` of its link's travel. */
  closedRoads: ClosedRoad[];
  pendingBeds: { region: number; add: number; at: number }[];
  shipments: Shipment[];
  /** 0 before any response is declared; 1 is the highest level. */
  responseLevel: number;
  /** The contact factor the higher level asks for, if it has said. */
  policyContact: number | null;
  /** The contact factors the trainee has set, by region id: what is judged against the policy. */
  ownContact: Record<string, number>;
  /**
   * Regions judged under the policy in force: stricter (层层加码) while they stay stricter, and
   * aligned once. A new policy clears both, and leaves pending the regions it finds stricter: the
   * trainee's next decision is their chance to follow it.
   */
  policyMarks: { escalated: string[]; aligned: string[]; pending: string[] };
  /** Regions the trainee has informed. */
  notified: string[];
  /**
   * The step not yet run, split by changes inside it: where the last part began, and the
   * settings of the parts before it, each times its length in minutes. Null when nothing has
   * changed inside the step.
   */
  split: { from: number; booked: Record<'contact' | 'isolation' | 'travel' | 'beds', number[]> } | null;
  /** Cumulative infections per region, sampled after each step, for the chart; shared between copies (case-series.ts). */
  series: CaseSeries;
}

interface WorldIndex {
  region: Map<string, number>;
  links: Link[];
  rates: Rates;
}

const cache = new WeakMap<Scenario, WorldIndex>();

export function worldIndex(scenario: Scenario): WorldIndex {
  let index = cache.get(scenario);
  if (!index) {
    const region = new Map((scenario.regions ?? []).map((r, i) => [r.id, i]));
    const links = (scenario.travel ?? []).flatMap((t) => {
      const a = region.get(t.between[0]);
      const b = region.get(t.between[1]);
      return a === undefined || b === undefined ? [] : [{ a, b, perDay: t.perDay }];
    });
    index = { region, links, rates: ratesOf(scenario.epidemic?.params) };
    cache.set(scenario, index);
  }
  return index;
}

export function initWorld(scenario: Scenario): WorldState {
  const seeds = new Map((scenario.epidemic?.initial ?? []).map((x) => [x.region, x]));
  const regions = (scenario.regions ?? []).map((r): RegionState => {
    const seed = seeds.get(r.id);
    const E = seed?.exposed ?? 0;
    const I = seed?.infectious ?? 0;
    const H = seed?.hospitalised ?? 0;
    const R = seed?.recovered ?? 0;
    const D = seed?.dead ?? 0;
    const S = Math.max(0, r.population - E - I - H - R - D);
    return {
      S,
      E,
      I,
      H,
      R,
      D,
      cum: r.population - S,
      beds: r.beds,
      contact: 1,
      isolation: 0,
      trust: r.trust,
      supplies: { ...r.supplies },
    };
  });
  return {
    t: 0,
    regions,
    travel: (scenario.travel ?? []).map(() => 1),
    closed: [],
    closedRoads: [],
    pendingBeds: [],
    shipments: [],
    responseLevel: 0,
    policyContact: null,
    ownContact: {},
    policyMarks: { escalated: [], aligned: [], pending: [] },
    notified: [],
    split: null,
    series: CaseSeries.start(
      0,
      regions.map((r) => r.cum),
    ),
  };
}

/**
 * A region's copy, written out field by field. A spread (`{ ...r }`) gives the copy a map whose
 * number fields are all tagged, so every figure the epidemic's step then writes is a new boxed
 * number: 6,000 steps of a replay made about 17 MB of garbage that way. A literal keeps the
 * fields as doubles, written in place.
 */
function copyRegion(r: RegionState): RegionState {
  return {
    S: r.S,
    E: r.E,
    I: r.I,
    H: r.H,
    R: r.R,
    D: r.D,
    cum: r.cum,
    beds: r.beds,
    contact: r.contact,
    isolation: r.isolation,
    trust: r.trust,
    supplies: { ...r.supplies },
  };
}

/**
 * A copy that can be changed without touching the original. Written out, not spread from `w`,
 * as the run state is (run.ts): every decision makes one. The keys keep initWorld's order; the
 * return type makes a field WorldState gains, optional or not, a compile error until it is copied.
 */
export function cloneWorld(w: WorldState): Required<WorldState> {
  return {
    t: w.t,
    regions: w.regions.map(copyRegion),
    travel: [...w.travel],
    closed: [...w.closed],
    closedRoads: w.closedRoads.map((r) => ({ ...r })),
    pendingBeds: [...w.pendingBeds],
    shipments: w.shipments.map((s) => ({ ...s, route: [...s.route], clearedBy: [...s.clearedBy] })),
    responseLevel: w.responseLevel,
    policyContact: w.policyContact,
    ownContact: { ...w.ownContact },
    policyMarks: {
      escalated: [...w.policyMarks.escalated],
      aligned: [...w.policyMarks.aligned],
      pending: [...w.policyMarks.pending],
    },
    notified: [...w.notified],
    split: w.split && {
      from: w.split.from,
      booked: {
        contact: [...w.split.booked.contact],
        isolation: [...w.split.booked.isolation],
        travel: [...w.split.booked.travel],
        beds: [...w.split.booked.beds],
      },
    },
    // The history only grows: the copy shares it, and takes its own tail only if it grows apart.
    series: w.series.copy(),
  };
}

/** Measures that change how the epidemic spreads or how its patients fare. */
const CHANGES_THE_EPIDEMIC: ReadonlySet<Measure['type']> = new Set([
  'contact',
  'travel',
  'isolation',
  'beds',
  'roads',
  'road',
]);

export function changesTheEpidemic(m: Measure): boolean {
  return CHANGES_THE_EPIDEMIC.has(m.type);
}

/** What the epidemic's step reads from the world: per region, and per link for travel. */
interface StepSettings {
  contact: number[];
  isolation: number[];
  travel: number[];
  beds: number[];
}

// Plain loops: this runs at every 6-hour step of every decision.
function settingsNow(w: WorldState): StepSettings {
  const count = w.regions.length;
  const now = {
    contact: new Array<number>(count),
    isolation: new Array<number>(count),
    travel: new Array<number>(w.travel.length),
    beds: new Array<number>(count),
  };
  settingsInto(w, now);
  return now;
}

/**
 * The settings of a step without changes, written into arrays reused from step to step: the
 * epidemic's step reads them at once and nothing keeps them. Thousands of steps in a replay
 * would otherwise allocate five arrays each.
 */
const SCRATCH = {
  contact: new Float64Array(0),
  isolation: new Float64Array(0),
  travel: new Float64Array(0),
  beds: new Float64Array(0),
};

function settingsInScratch(w: WorldState): Readonly<typeof SCRATCH> {
  const count = w.regions.length;
  if (SCRATCH.contact.length !== count) {
    SCRATCH.contact = new Float64Array(count);
    SCRATCH.isolation = new Float64Array(count);
    SCRATCH.beds = new Float64Array(count);
  }
  if (SCRATCH.travel.length !== w.travel.length) SCRATCH.travel = new Float64Array(w.travel.length);
  settingsInto(w, SCRATCH);
  return SCRATCH;
}

type SettingsArrays = Record<keyof StepSettings, number[] | Float64Array>;

/** Writes the settings in force now into `into`, whose arrays are as long as the regions and the links. */
function settingsInto(w: WorldState, into: SettingsArrays): void {
  for (let i = 0; i < w.regions.length; i++) {
    const r = w.regions[i] as RegionState;
    into.contact[i] = r.contact;
    into.isolation[i] = r.isolation;
    into.beds[i] = r.beds;
  }
  travelInto(w, into.travel);
}

/**
 * The settings are about to change at minute `t`, inside the step the world has not yet run:
 * the part of the step before `t` is booked under the settings in force until now, so that what
 * changes at minute t acts from minute t. NOTE mutates `w`.
 */
function settingsChangeAt(w: WorldState, t: number): void {
  const from = w.split?.from ?? w.t;
  if (t <= from) return;
  const now = settingsNow(w);
  const booked = w.split?.booked ?? { contact: [], isolation: [], travel: [], beds: [] };
  for (const key of ['contact', 'isolation', 'travel', 'beds'] as const) {
    booked[key] = now[key].map((x, i) => (booked[key][i] ?? 0) + x * (t - from));
  }
  w.split = { from: t, booked };
}

/**
 * The settings a step runs under: those in force through it, or, in a step split by changes,
 * each part's settings weighted by its length (the rates are linear in them, so this is the
 * split step's first-order equivalent, and acting later never comes out better).
 */
function settingsOfStep(w: WorldState): StepSettings | Readonly<typeof SCRATCH> {
  const split = w.split;
  if (!split) return settingsInScratch(w);
  const now = settingsNow(w);
  const rest = w.t + STEP_MINUTES - split.from;
  const mix = (key: keyof StepSettings) =>
    now[key].map((x, i) => ((split.booked[key][i] ?? 0) + x * rest) / STEP_MINUTES);
  return { contact: mix('contact'), isolation: mix('isolation'), travel: mix('travel'), beds: mix('beds') };
}

/**
 * Beds due before minute `t` (or by it, `inclusive`) are ready, each from its own minute.
 * NOTE mutates `w`.
 */
function bedsReady(w: WorldState, t: number, inclusive: boolean): void {
  if (w.pendingBeds.length === 0) return;
  const isDue = (b: { at: number }) => b.at < t || (inclusive && b.at === t);
  const due = w.pendingBeds.filter(isDue).sort((a, b) => a.at - b.at);
  if (due.length === 0) return;
  for (const b of due) {
    settingsChangeAt(w, b.at);
    (w.regions[b.region] as RegionState).beds += b.add;
  }
  w.pendingBeds = w.pendingBeds.filter((b) => !isDue(b));
}

/**
 * Shipments due by minute `t` are delivered. Stocks do not change the epidemic, so a delivery
 * shows as soon as the clock reaches it. NOTE mutates `w`.
 */
function deliverBy(scenario: Scenario, w: WorldState, t: number): void {
  if (w.shipments.length === 0) return;
  const { region } = worldIndex(scenario);
  for (const s of w.shipments) {
    if ((s.status !== 'moving' && s.status !== 'released') || s.arrives > t) continue;
    s.status = 'delivered';
    const to = w.regions[region.get(s.to) ?? -1];
    if (to) to.supplies[s.supply] = (to.supplies[s.supply] ?? 0) + s.amount;
  }
}

/**
 * The travel factor of each link with its closures: a closed link carries none; named roads
 * closed on it take their shares away, together never more than the whole link.
 */
export function travelOpen(w: WorldState): number[] {
  const open = new Array<number>(w.travel.length);
  travelInto(w, open);
  return open;
}

function travelInto(w: WorldState, open: number[] | Float64Array): void {
  for (let k = 0; k < w.travel.length; k++) {
    if (w.closed.includes(k)) {
      open[k] = 0;
      continue;
    }
    let cut = 0;
    for (const road of w.closedRoads) if (road.link === k) cut += road.share;
    open[k] = (w.travel[k] as number) * Math.max(0, 1 - cut);
  }
}

/** The counts a step hands to the case history, which copies them: one array for every call. */
let COUNTS = new Float64Array(0);

function countsScratch(regions: number): Float64Array {
  if (COUNTS.length !== regions) COUNTS = new Float64Array(regions);
  return COUNTS;
}

/**
 * Advances the world to in-game minute `to` in fixed 6-hour steps. A measure or an arrival at
 * minute x acts from minute x: the step containing it runs each part under its own settings.
 * The epidemic is computed a whole step at a time, so it lags the clock by less than one step,
 * and the world depends only on what happened when, not on how often it was looked at.
 * NOTE mutates `w`.
 */
export function advanceWorld(scenario: Scenario, w: WorldState, to: number): void {
  const { links, rates } = worldIndex(scenario);
  const hasEpidemic = scenario.epidemic !== undefined && w.regions.length > 0;
  const counts = hasEpidemic ? countsScratch(w.regions.length) : null;
  while (w.t + STEP_MINUTES <= to) {
    bedsReady(w, w.t + STEP_MINUTES, false);
    if (hasEpidemic) {
      const s = settingsOfStep(w);
      step(rates, w.regions, links, s.travel, s.contact, s.isolation, s.beds);
    }
    w.split = null;
    w.t += STEP_MINUTES;
    if (counts) {
      for (let i = 0; i < w.regions.length; i++) counts[i] = (w.regions[i] as RegionState).cum;
      w.series.append(w.t, counts);
    }
  }
  // What is due by now inside the step not yet run shows at once: beds on the status board,
  // stocks in conditions.
  bedsReady(w, to, true);
  deliverBy(scenario, w, to);
}

/** What applying a measure did, for the scoring rules to judge. */
export type MeasureFact =
  | { kind: 'notified'; region: string }
  | { kind: 'sent'; shipment: Shipment }
  | { kind: 'letThrough'; shipment: Shipment }
  | { kind: 'intercepted'; shipment: Shipment }
  | { kind: 'closedRoad'; region: string }
  | { kind: 'closedNamedRoad'; name: string; between: readonly [string, string]; share: number }
  /**
   * The trainee's contact factor in a region is stricter than the policy: tightened by their
   * measure, or left so when the policy changed and a decision went by.
   */
  | { kind: 'escalated'; region: string; factor: number; policy: number; by: 'measure' | 'policy' }
  | { kind: 'aligned'; region: string; factor: number; policy: number };

/** How far below the higher level's contact factor counts as 层层加码, and how close counts as aligned. */
export const POLICY_TOLERANCE = 0.1;

/**
 * After a decision: the regions a policy found stricter before the decision began, and the
 * decision did not bring in line, are 层层加码 from now on. Regions a policy found stricter during
 * it wait for the next decision; so do all when a new policy came during it. NOTE mutates `w`.
 */
/** What `policyLeftBehind` reads of the world as it was: kept apart, since the world may change in place. */
export interface PolicyBefore {
  policyContact: WorldState['policyContact'];
  pending: readonly string[];
}

export function beforeMeasures(w: WorldState): PolicyBefore {
  // `pending` is replaced, never changed in place (judgeAgainstPolicy filters it): the array can be kept.
  return { policyContact: w.policyContact, pending: w.policyMarks.pending };
}

export function policyLeftBehind(w: WorldState, before: PolicyBefore): MeasureFact[] {
  if (w.policyContact !== before.policyContact) return [];
  const waited = before.pending.filter((region) => w.policyMarks.pending.includes(region));
  return waited.flatMap((region) => judgeAgainstPolicy(w, region, 'policy'));
}

/**
 * The trainee's contact factor in `region` judged against the policy in force: stricter is
 * 层层加码, judged once while it lasts; level is aligned, credited once per policy.
 * NOTE mutates `w.policyMarks`.
 */
function judgeAgainstPolicy(w: WorldState, region: string, by: 'measure' | 'policy'): MeasureFact[] {
  const factor = w.ownContact[region];
  const policy = w.policyContact;
  if (factor === undefined || policy === null) return [];
  const marks = w.policyMarks;
  marks.pending = marks.pending.filter((r) => r !== region);
  if (factor < policy - POLICY_TOLERANCE) {
    if (marks.escalated.includes(region)) return [];
    marks.escalated.push(region);
    return [{ kind: 'escalated', region, factor, policy, by }];
  }
  marks.escalated = marks.escalated.filter((r) => r !== region);
  // Only the trainee's own act earns the credit: a policy that comes round to them does not.
  if (by === 'measure' && Math.abs(factor - policy) <= POLICY_TOLERANCE && !marks.aligned.includes(region)) {
    marks.aligned.push(region);
    return [{ kind: 'aligned', region, factor, policy }];
  }
  return [];
}

function linkBetween(scenario: Scenario, a: string, b: string): number {
  const { region, links } = worldIndex(scenario);
  const ia = region.get(a);
  const ib = region.get(b);
  return links.findIndex((l) => (l.a === ia && l.b === ib) || (l.a === ib && l.b === ia));
}

/**
 * The shipment `id` still on its way that region `by` may hold: one whose route passes `by` and
 * that `by` has not let through. Without `by` (an inject that names no region), any on its way.
 */
function holdable(w: WorldState, id: string, by: string | undefined): Shipment | undefined {
  const s = w.shipments.find((x) => x.id === id && (x.status === 'moving' || x.status === 'released'));
  if (!s || by === undefined) return s;
  return s.route.includes(by) && !s.clearedBy.includes(by) ? s : undefined;
}

/**
 * Applies one measure at in-game minute `t`. NOTE mutates `w`.
 * `actingRegion` is the trainee's region (used for interceptions and road closures); an
 * interception or release that names its region in `by` acts for that region instead.
 */
export function applyMeasure(
  scenario: Scenario,
  w: WorldState,
  m: Measure,
  t: number,
  actingRegion: string | undefined,
): MeasureFact[] {
  const { region } = worldIndex(scenario);
  const at = (id: string) => w.regions[region.get(id) ?? -1];
  if (changesTheEpidemic(m)) {
    advanceWorld(scenario, w, t);
    settingsChangeAt(w, t);
  }
  switch (m.type) {
    case 'contact': {
      const r = at(m.region);
      if (r) r.contact = m.factor;
      // An inject's contact measure is not the trainee's: only the trainee's are judged.
      if (actingRegion === undefined) return [];
      w.ownContact[m.region] = m.factor;
      return judgeAgainstPolicy(w, m.region, 'measure');
    }
    case 'travel': {
      const k = linkBetween(scenario, m.between[0], m.between[1]);
      if (k >= 0) w.travel[k] = m.factor;
      return [];
    }
    case 'isolation': {
      const r = at(m.region);
      if (r) r.isolation = m.share;
      return [];
    }
    case 'beds': {
      const i = region.get(m.region);
      if (i !== undefined) w.pendingBeds.push({ region: i, add: m.add, at: t + parseDuration(m.after) });
      // Ready after "0m": from this minute, like any measure.
      bedsReady(w, t, true);
      return [];
    }
    case 'supply': {
      const r = at(m.region);
      if (r) r.supplies[m.supply] = Math.max(0, (r.supplies[m.supply] ?? 0) + m.add);
      return [];
    }
    case 'ship': {
      const from = at(m.from);
      const amount = from ? Math.min(m.amount, from.supplies[m.supply] ?? 0) : m.amount;
      // A shipment from a declared region leaves its stock; one from outside the drill just appears.
      if (from) from.supplies[m.supply] = (from.supplies[m.supply] ?? 0) - amount;
      const shipment: Shipment = {
        id: m.id,
        supply: m.supply,
        amount,
        from: m.from,
        to: m.to,
        route: [m.from, ...(m.via ?? [])],
        clearedBy: [],
        arrives: t + parseDuration(m.takes),
        status: 'moving',
      };
      w.shipments.push(shipment);
      deliverBy(scenario, w, t);
      return [{ kind: 'sent', shipment }];
    }
    case 'intercept': {
      // Someone must hold the goods: a region on the route (the shipment passes its territory).
      const by = m.by ?? actingRegion;
      const s = by === undefined ? undefined : holdable(w, m.shipment, by);
      if (!s || by === undefined) return [];
      s.status = 'intercepted';
      const own = at(by);
      if (own) own.supplies[s.supply] = (own.supplies[s.supply] ?? 0) + s.amount;
      return [{ kind: 'intercepted', shipment: s }];
    }
    case 'release': {
      // Let through once by each region; with no region (an inject's clearance from above), by all of them.
      const by = m.by ?? actingRegion;
      const s = holdable(w, m.shipment, by);
      if (!s) return [];
      const clearing = by === undefined ? s.route.filter((r) => !s.clearedBy.includes(r)) : [by];
      if (clearing.length === 0) return [];
      s.status = 'released';
      s.clearedBy = [...s.clearedBy, ...clearing];
      return [{ kind: 'letThrough', shipment: s }];
    }
    case 'notify': {
      // Only the trainee's own notices count: withholding is judged on them.
      if (actingRegion === undefined) return [];
      const fresh = m.regions.filter((id) => !w.notified.includes(id));
      w.notified.push(...fresh);
      return fresh.map((id) => ({ kind: 'notified', region: id }));
    }
    case 'roads': {
      const from = m.from ?? actingRegion;
      if (from === undefined) return [];
      const k = linkBetween(scenario, from, m.region);
      if (m.open) {
        w.closed = w.closed.filter((x) => x !== k);
        return [];
      }
      // Closing roads already closed closes nothing new (like notify, it is judged once).
      // Closing what is already closed, or a road with no traffic declared, changes nothing and is not judged.
      if (k < 0 || w.closed.includes(k)) return [];
      w.closed.push(k);
      return [{ kind: 'closedRoad', region: m.region }];
    }
    case 'road': {
      const k = linkBetween(scenario, m.between[0], m.between[1]);
      if (k < 0) return [];
      const same = (r: ClosedRoad) => r.link === k && r.name === m.name;
      if (m.open) {
        w.closedRoads = w.closedRoads.filter((r) => !same(r));
        return [];
      }
      if (w.closedRoads.some(same)) return [];
      w.closedRoads.push({ name: m.name, link: k, share: m.share });
      return [{ kind: 'closedNamedRoad', name: m.name, between: m.between, share: m.share }];
    }
    case 'level':
      w.responseLevel = m.level;
      return [];
    case 'policy': {
      if (w.policyContact === m.contact) return [];
      const policy = m.contact;
      w.policyContact = policy;
      const stricter = Object.entries(w.ownContact).flatMap(([region, factor]) =>
        factor < policy - POLICY_TOLERANCE ? [region] : [],
      );
      w.policyMarks = { escalated: [], aligned: [], pending: stricter };
      return [];
    }
    case 'trust': {
      const r = at(m.region);
      if (r) r.trust = Math.min(100, Math.max(0, r.trust + m.add));
      return [];
    }
    default: {
      const never: never = m;
      return never;
    }
  }
}

/** A quantity of the world, for conditions and the status board; people are rounded. */
export function metric(
  scenario: Scenario,
  w: WorldState,
  name: Exclude<Metric, 'violations'>,
  regionId?: string,
  supply?: string,
): number {
  const { region } = worldIndex(scenario);
  if (name === 'responseLevel') return w.responseLevel;
  const chosen = regionId === undefined ? w.regions : [w.regions[region.get(regionId) ?? -1]].filter((r) => r);
  const of = (r: RegionState): number => {
    switch (name) {
      case 'cases':
        return r.cum;
      case 'deaths':
        return r.D;
      case 'infectious':
        return r.I;
      case 'hospitalised':
        return r.H;
      case 'bedsFree':
        return Math.max(0, r.beds - r.H);
      case 'trust':
        return r.trust;
      case 'supply':
        return supply === undefined ? 0 : (r.supplies[supply] ?? 0);
      default: {
        const never: never = name;
        return never;
      }
    }
  };
  const values = (chosen as RegionState[]).map(of);
  const total = values.reduce((a, b) => a + b, 0);
  // Trust without a region is the plain mean of the regions' trust; supplies are not rounded
  // (a stock in 万只 can be 19.6); people are counted whole.
  if (name === 'trust') return values.length ? Math.round(total / values.length) : 0;
  if (name === 'supply') return total;
  return Math.round(total);
}

/**
 * Sets a region as a trial run's inspector asks. People keep their number: new infectious come
 * from the susceptible (and count as cases), fewer go back to them.
 * NOTE mutates `r` (a working copy).
 */
export function overrideRegion(r: RegionState, o: RegionOverride): void {
  const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
  if (finite(o.infectious)) {
    const to = Math.max(0, Math.min(o.infectious, r.I + r.S));
    const moved = to - r.I;
    r.S -= moved;
    r.I = to;
    if (moved > 0) r.cum += moved;
  }
  if (finite(o.beds)) r.beds = Math.max(0, Math.round(o.beds));
  if (finite(o.trust)) r.trust = Math.min(100, Math.max(0, o.trust));
}
