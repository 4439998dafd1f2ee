/**
 * Shipments and roads between regions: a shipment's route is a way along regions that touch;
 * only a region on the route can intercept or let it through; a named road lies on a link that
 * carries travel and carries a share of it.
 */
import { findName } from '../../engine/names';
import { choiceFields, WORLD } from '../choice-fields';
import type { PathKey } from '../problem';
import type { Measure, Scenario } from '../schema';
import type { LintContext, ShipMeasure } from './context';

export function checkRoutes(context: LintContext): void {
  const { scenario } = context;
  const adjacent = adjacency(scenario);
  const inChoice: PathKey[] = ['nodes', 0, 'choices', 0, 'world'];
  const fields = choiceFields(scenario);
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as (typeof scenario.nodes)[number];
    if (node.kind !== 'decision') continue;
    inChoice[1] = n;
    const first = fields.start[n] as number;
    for (let c = 0; c < node.choices.length; c++) {
      if (((fields.bits[first + c] as number) & WORLD) === 0) continue;
      inChoice[3] = c;
      checkMeasureRoutes(context, (node.choices[c] as (typeof node.choices)[number]).world, inChoice, true, adjacent);
    }
  }
  const injects = scenario.injects ?? [];
  for (let i = 0; i < injects.length; i++) {
    checkMeasureRoutes(
      context,
      (injects[i] as (typeof injects)[number]).world,
      ['injects', i, 'world'],
      false,
      adjacent,
    );
  }
}

/**
 * The measures of one choice or inject. Only shipments, what is done with them, and roads are
 * judged here: a measure's path is copied out of `at`, one array rewritten in place, for those
 * alone, since most of a large drill's choices have measures of other kinds. A function of the
 * module, not a closure made for each lint: that one was optimised again in each.
 */
function checkMeasureRoutes(
  context: LintContext,
  world: readonly Measure[] | undefined,
  at: readonly PathKey[],
  inChoice: boolean,
  adjacent: (a: string, b: string) => boolean,
): void {
  if (!world) return;
  for (let i = 0; i < world.length; i++) {
    const measure = world[i] as Measure;
    const type = measure.type;
    if (type === 'ship') checkVia(context, measure, [...at, i], adjacent);
    else if (type === 'intercept' || type === 'release') checkOnRoute(context, measure, [...at, i], inChoice);
    else if (type === 'road') checkRoad(context, measure, [...at, i]);
  }
}

/** Pairs of regions that touch: declared neighbours (either way round) or joined by travel. */
function adjacency(scenario: Scenario): (a: string, b: string) => boolean {
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    pairs.add(`${a}\u0000${b}`);
    pairs.add(`${b}\u0000${a}`);
  };
  for (const region of scenario.regions ?? []) for (const id of region.neighbours ?? []) add(region.id, id);
  for (const link of scenario.travel ?? []) add(link.between[0], link.between[1]);
  return (a, b) => pairs.has(`${a}\u0000${b}`);
}

const regionName = (scenario: Scenario, id: string) => findName(scenario, 'region', id);

/** The route as the trainee reads it: 南平市 → 云湾市 → 北溪市. */
function routeText(scenario: Scenario, ship: ShipMeasure): string {
  return [ship.from, ...(ship.via ?? []), ship.to].map((id) => regionName(scenario, id)).join(' → ');
}

function checkVia(
  context: LintContext,
  ship: ShipMeasure,
  at: readonly PathKey[],
  adjacent: (a: string, b: string) => boolean,
): void {
  const { scenario } = context;
  const declared = context.names.region;
  ship.via?.forEach((id, j) => {
    if (id === ship.from || id === ship.to) {
      context.error([...at, 'via', j], `via 只写途中经过的地区，不含发出地区（from）和目的地区（to）：删去「${id}」。`);
    } else if (ship.via?.indexOf(id) !== j) {
      context.error([...at, 'via', j], `途经地区「${id}」重复了：路线上每个地区只写一次。`);
    }
  });
  // A region outside the drill (a shipment from the capital) has no declared neighbours to judge by.
  const stops = [ship.from, ...(ship.via ?? []), ship.to];
  for (let k = 1; k < stops.length; k++) {
    const a = stops[k - 1] as string;
    const b = stops[k] as string;
    if (a === b || !declared.has(a) || !declared.has(b) || adjacent(a, b)) continue;
    const [nameA, nameB] = [regionName(scenario, a), regionName(scenario, b)];
    context.warning(
      [...at, ship.via?.length ? 'via' : 'to'],
      `物资批次「${ship.id}」的路线（${routeText(scenario, ship)}）上，${nameA}与${nameB}既不相邻（neighbours），也没有往来（travel）：把两地之间经过的地区按顺序补进 via，或在 regions 里写明两地相邻。`,
    );
  }
}

function checkOnRoute(
  context: LintContext,
  measure: Extract<Measure, { type: 'intercept' | 'release' }>,
  at: readonly PathKey[],
  inChoice: boolean,
): void {
  const { scenario } = context;
  const act = measure.type === 'intercept' ? '截留' : '放行';
  if (inChoice && measure.by !== undefined && measure.by !== scenario.roleRegion) {
    context.error(
      [...at, 'by'],
      `选项里的${act}总是以学员所在地区（roleRegion）的名义进行：删去 by。by 只用于插入事件，写明是哪个地区${act}。`,
    );
    return;
  }
  const acting = measure.by ?? (inChoice ? scenario.roleRegion : undefined);
  // An inject that lets a shipment through without naming a region clears it from above.
  if (acting === undefined || !context.names.region.has(acting)) return;
  const ships = context.shipments.get(measure.shipment) ?? [];
  const missed = ships.filter((ship) => ship.from !== acting && !(ship.via ?? []).includes(acting));
  if (missed.length === 0) return;
  const routes = [...new Set(missed.map((ship) => routeText(scenario, ship)))].join('；');
  const who = inChoice ? `学员所在的${regionName(scenario, acting)}` : regionName(scenario, acting);
  context.error(
    [...at, measure.by !== undefined ? 'by' : 'shipment'],
    `${who}不在物资批次「${measure.shipment}」的路线上（${routes}）：只有发出地区和途经的地区能截留或放行它，这项${act}不会起作用。如果物资确实途经这里，在发出它的 ship 措施里写 "via": ["${acting}"]；否则删去这项${act}。`,
  );
}

function checkRoad(context: LintContext, road: Extract<Measure, { type: 'road' }>, at: readonly PathKey[]): void {
  const { scenario } = context;
  const [a, b] = road.between;
  if (road.share <= 0) {
    context.error(
      [...at, 'share'],
      `道路「${road.name}」的 share 要大于 0：写它承担两地往来的比例，如 0.1 表示约一成。`,
    );
  }
  if (a === b) {
    context.error([...at, 'between'], `道路「${road.name}」的两端不能是同一个地区。`);
    return;
  }
  if (!context.names.region.has(a) || !context.names.region.has(b)) return;
  const linked = scenario.travel?.some(
    (t) => (t.between[0] === a && t.between[1] === b) || (t.between[0] === b && t.between[1] === a),
  );
  if (!linked) {
    context.error(
      [...at, 'between'],
      `${regionName(scenario, a)}与${regionName(scenario, b)}之间没有声明往来（travel），道路「${road.name}」没有往来可断：先在 travel 里写明两地每天的往来人数。`,
    );
  }
}
