/**
 * What every lint rule reads and how it reports (eslint's rule context): the scenario, the names
 * it declares, and the problems found so far, in the order found. The checks several rules share —
 * a name, a list of ids, a condition, effects, measures — live here too, each reporting at the
 * path it is given.
 */
import { type ConditionHandlers, matchCondition } from '../../engine/conditions';
import { inForce, powerInForce } from '../../engine/powers-in-force';
import { choiceFields, WORLD } from '../choice-fields';
import { nodeIndex } from '../graph';
import { error, type PathKey, type Problem, warning } from '../problem';
import type { Condition, Effect, Measure, Scenario, ScenarioNode } from '../schema';
import { didYouMean } from './did-you-mean';
import type { LeftOut } from './left-out';
import { keysOf, under, type Where } from './where';

export type ShipMeasure = Extract<Measure, { type: 'ship' }>;

/** One family of checks: reads the scenario through the context, and reports there. */
export type LintRule = (context: LintContext) => void;

/** The kinds of declared name a drill refers to by id. */
type NameKind = 'node' | 'region' | 'actor' | 'power' | 'supply' | 'reference' | 'window';

const WHERE: Record<NameKind, string> = {
  node: 'nodes',
  region: 'regions',
  actor: 'actors',
  power: 'powers',
  supply: 'supplies',
  reference: 'references',
  window: 'timeWindows',
};

const WHAT: Record<NameKind, string> = {
  node: '节点',
  region: '地区',
  actor: '主体',
  power: '权力',
  supply: '物资',
  reference: '依据',
  window: '时间窗',
};

/** Declared ids of one kind: whether an id is one, and all of them in the order declared. */
export type DeclaredIds = Pick<ReadonlySet<string>, 'has'> & Iterable<string>;

/** The range of a variable without one declared. */
const UNBOUNDED: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];

/** Quantities that belong to regions: a drill without regions has none of them. */
const REGION_METRICS = new Set(['cases', 'deaths', 'infectious', 'hospitalised', 'bedsFree', 'trust', 'supply']);

export class LintContext {
  readonly problems: Problem[] = [];
  readonly names: Record<NameKind, DeclaredIds>;
  readonly vars: Map<string, 'number' | 'boolean'>;
  /** Declared [min, max] of each number variable. */
  readonly ranges: Map<string, readonly [number, number]>;
  /** Filled on first use: most drills intercept nothing, and the walk of every choice for them costs. */
  private sent: Map<string, ShipMeasure[]> | null = null;
  /** The node `start` names (the first with that id), if there is one. */
  readonly startNode: ScenarioNode | undefined;
  /** References something cites, and variables some condition reads: what is left is unused. */
  readonly citedRefs = new Set<string>();
  readonly readVars = new Set<string>();
  /** Effects that apply by chance: the variable each changes, and where its `chance` is. */
  readonly rolls: { var: string; path: PathKey[] }[] = [];

  /**
   * `leftOut`: the scenario is a repaired view of a file whose shape is not yet right (see
   * scenario/repair.ts), and these parts of it were left out.
   */
  constructor(
    readonly scenario: Scenario,
    readonly leftOut?: LeftOut,
  ) {
    const ids = (list: readonly { id: string }[] | undefined, kind: NameKind) => {
      const set = new Set<string>();
      if (list) for (let i = 0; i < list.length; i++) set.add((list[i] as { id: string }).id);
      if (leftOut) for (const id of leftOut.ids[kind]) set.add(id);
      return set;
    };
    this.names = {
      // The graph's index of node ids, when nothing was left out: a second set of ten thousand ids costs.
      node: leftOut ? ids(scenario.nodes, 'node') : new KeysOf(nodeIndex(scenario)),
      region: ids(scenario.regions, 'region'),
      actor: ids(scenario.actors, 'actor'),
      // Only the entries the drill's law year has: another year's entry is no power in this drill.
      power: ids(
        scenario.powers?.filter((p) => inForce(p, scenario.legalFramework)),
        'power',
      ),
      supply: ids(scenario.supplies, 'supply'),
      reference: ids(scenario.references, 'reference'),
      window: ids(scenario.timeWindows, 'window'),
    };
    this.vars = new Map((scenario.variables ?? []).map((x) => [x.id, x.type]));
    this.ranges = new Map(
      (scenario.variables ?? []).flatMap((x) => (x.type === 'number' ? [[x.id, [x.min, x.max] as const]] : [])),
    );
    this.startNode = scenario.nodes.find((n) => n.id === scenario.start);
  }

  /** The shipments measures send, by id: one id may be sent by several measures, on different routes. */
  get shipments(): ReadonlyMap<string, readonly ShipMeasure[]> {
    if (this.sent) return this.sent;
    const { scenario, leftOut } = this;
    // A shipment sent by a part left out of a broken file is known, with no route to check.
    const sent = new Map<string, ShipMeasure[]>([...(leftOut?.shipments ?? [])].map((id) => [id, []]));
    const ship = (world: readonly Measure[]) => {
      for (let i = 0; i < world.length; i++) {
        const measure = world[i] as Measure;
        if (measure.type !== 'ship') continue;
        const list = sent.get(measure.id);
        if (list) list.push(measure);
        else sent.set(measure.id, [measure]);
      }
    };
    // Indexed: tens of thousands of choices, and an iterator for each list walked is garbage.
    const fields = choiceFields(scenario);
    for (let n = 0; n < scenario.nodes.length; n++) {
      const node = scenario.nodes[n] as ScenarioNode;
      if (node.kind !== 'decision') continue;
      const first = fields.start[n] as number;
      for (let c = 0; c < node.choices.length; c++) {
        if (((fields.bits[first + c] as number) & WORLD) === 0) continue;
        const world = (node.choices[c] as (typeof node.choices)[number]).world;
        if (world) ship(world);
      }
    }
    const injects = scenario.injects ?? [];
    for (let i = 0; i < injects.length; i++) {
      const world = (injects[i] as (typeof injects)[number]).world;
      if (world) ship(world);
    }
    this.sent = sent;
    return sent;
  }

  error(path: Where, message: string): void {
    this.problems.push(error(keysOf(path), message));
  }

  warning(path: Where, message: string): void {
    this.problems.push(warning(keysOf(path), message));
  }

  /** Whether only a part of the file is checked: rules that judge the whole say nothing then. */
  get partial(): boolean {
    return this.leftOut !== undefined;
  }

  /** Whether the drill declares regions (some left out count). */
  hasRegions(): boolean {
    return (this.scenario.regions?.length ?? 0) > 0 || (this.leftOut?.ids.region.size ?? 0) > 0;
  }

  /** A variable declared in a part left out: nothing more is known of it. */
  leftOutVar(id: string): boolean {
    return this.leftOut?.ids.variable.has(id) ?? false;
  }

  /** Whether any error has been reported so far: some checks mean nothing on a broken drill. */
  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** `id` must be a declared name of `kind`. */
  known(kind: NameKind, id: string, path: Where): boolean {
    if (this.names[kind].has(id)) {
      if (kind === 'reference') this.citedRefs.add(id);
      return true;
    }
    if (kind === 'power' && this.scenario.powers?.some((p) => p.id === id)) {
      const year = this.scenario.legalFramework;
      this.error(path, `权力「${id}」没有适用于 ${year} 年法律的一条：检查它的 from/until，或演练的 legalFramework。`);
      return false;
    }
    this.error(
      path,
      `${WHAT[kind]}「${id}」没有在 ${WHERE[kind]} 里声明：${didYouMean(id, this.names[kind])}补上它，或改成已声明的${WHAT[kind]} id。`,
    );
    return false;
  }

  refs(refs: readonly string[] | undefined, path: Where): void {
    if (refs) for (let i = 0; i < refs.length; i++) this.knownAt('reference', refs[i] as string, path, i);
  }

  /** `known`, with the path `under(path, a, b, c)` built only when the id is not known. */
  knownAt(kind: NameKind, id: string, path: Where, a: PathKey, b?: PathKey, c?: PathKey): boolean {
    if (this.names[kind].has(id)) {
      if (kind === 'reference') this.citedRefs.add(id);
      return true;
    }
    return this.known(kind, id, under(path, a, b, c));
  }

  /** `first`: for each entry, the index of the first with its id, when already known (the graph's, for nodes). */
  duplicates(list: readonly { id: string }[] | undefined, path: Where, what: string, first?: Int32Array): void {
    if (!list) return;
    // A node's few choices are compared pairwise: a Set for each of ten thousand nodes costs more.
    const seen = list.length > 8 && !first ? new Set<string>() : null;
    for (let i = 0; i < list.length; i++) {
      const { id } = list[i] as { id: string };
      let repeated = false;
      if (first) repeated = first[i] !== i;
      else if (seen) {
        repeated = seen.has(id);
        seen.add(id);
      } else {
        for (let j = 0; j < i && !repeated; j++) repeated = (list[j] as { id: string }).id === id;
      }
      if (repeated) this.error(under(path, i, 'id'), `${what} id「${id}」重复了：每个${what}的 id 必须唯一，请改名。`);
    }
  }

  /** Where the condition being checked stands: read by CONDITION_CHECKS, so that no object is made for each. */
  conditionPath: Where = [];

  condition(condition: Condition, path: Where): void {
    const outer = this.conditionPath;
    this.conditionPath = path;
    matchCondition(condition, CONDITION_CHECKS, this);
    this.conditionPath = outer;
  }

  effects(effects: readonly Effect[] | undefined, path: Where): void {
    if (effects) for (let i = 0; i < effects.length; i++) this.effect(effects[i] as Effect, path, i);
  }

  /** A variable read or set that `variables` does not declare, named at `at` with a did-you-mean. */
  undeclaredVar(name: string, at: Where): void {
    this.error(
      under(at, 'var'),
      `变量「${name}」没有声明：${didYouMean(name, this.vars.keys())}在 variables 里加上它，或改成已声明的变量。`,
    );
  }

  /** Effect `i` under `path`: its path is built only when a problem is reported. */
  private effect(effect: Effect, path: Where, i: number): void {
    const type = this.vars.get(effect.var);
    if (!type && this.leftOutVar(effect.var)) return;
    if (!type) {
      this.undeclaredVar(effect.var, under(path, i));
    } else if (effect.op === 'set' && typeof effect.value !== type) {
      const typeName = type === 'number' ? '数值' : '是/否';
      this.error(
        under(path, i, 'value'),
        `变量「${effect.var}」是${typeName}变量，不能设为 ${JSON.stringify(effect.value)}。`,
      );
    } else if (effect.op !== 'set' && type !== 'number') {
      this.error(under(path, i, 'op'), `「${effect.op}」只能用于数值变量，「${effect.var}」是是/否变量。`);
    } else if (effect.op === 'random' && effect.min > effect.max) {
      this.error(under(path, i, 'max'), `max ${effect.max} 小于 min ${effect.min}。`);
    } else {
      // Values outside the declared range are clamped when the drill runs: say so rather than repair quietly.
      // Indexed, not destructured: destructuring walks an iterator, an object a step.
      const range = this.ranges.get(effect.var) ?? UNBOUNDED;
      const min = range[0];
      const max = range[1];
      // Compared inline: a closure here would be one more object for each of tens of thousands of effects.
      if (effect.op === 'set' && typeof effect.value === 'number' && (effect.value < min || effect.value > max)) {
        this.warning(
          under(path, i, 'value'),
          `${effect.value} 超出变量「${effect.var}」的范围 ${min}–${max}，运行时会被截到范围内。`,
        );
      } else if (
        effect.op === 'random' &&
        (effect.min < min || effect.min > max || effect.max < min || effect.max > max)
      ) {
        this.warning(
          under(path, i),
          `随机范围 ${effect.min}–${effect.max} 超出变量「${effect.var}」的范围 ${min}–${max}，运行时会被截到范围内。`,
        );
      }
    }
    if (effect.when) this.condition(effect.when, under(path, i, 'when'));
    if (effect.chance === 0) {
      this.warning(
        under(path, i, 'chance'),
        'chance 为 0，这条效果永远不会生效：删去这条效果，或写成 0 到 1 之间的概率（如 0.6）。',
      );
    } else if (effect.chance === 1) {
      this.warning(under(path, i, 'chance'), 'chance 为 1，这条效果总会生效，抽签是多余的：删去 chance。');
    } else if (effect.chance !== undefined && type) {
      this.rolls.push({ var: effect.var, path: keysOf(under(path, i, 'chance')) });
    }
  }

  /**
   * The measures under `path`. A path for measure `i` is built only when a problem is reported there:
   * tens of thousands of measures, nearly all of them without one.
   */
  measures(measures: readonly Measure[] | undefined, path: Where): void {
    if (!measures) return;
    for (let i = 0; i < measures.length; i++) this.measure(measures[i] as Measure, path, i);
  }

  private measure(measure: Measure, path: Where, i: number): void {
    if (!this.hasRegions() && measure.type !== 'level' && measure.type !== 'policy') {
      this.error(under(path, i, 'type'), `措施「${measure.type}」作用于地区，但这个演练没有声明 regions。`);
      return;
    }
    switch (measure.type) {
      case 'contact':
      case 'isolation':
      case 'beds':
      case 'trust':
        this.knownAt('region', measure.region, path, i, 'region');
        return;
      case 'supply':
        this.knownAt('region', measure.region, path, i, 'region');
        this.knownAt('supply', measure.supply, path, i, 'supply');
        return;
      case 'travel':
      case 'road':
        for (let j = 0; j < measure.between.length; j++) {
          this.knownAt('region', measure.between[j] as string, path, i, 'between', j);
        }
        return;
      case 'ship':
        this.knownAt('supply', measure.supply, path, i, 'supply');
        this.knownAt('region', measure.to, path, i, 'to');
        if (measure.via)
          for (let j = 0; j < measure.via.length; j++)
            this.knownAt('region', measure.via[j] as string, path, i, 'via', j);
        return;
      case 'intercept':
      case 'release':
        if (!this.shipments.has(measure.shipment)) {
          this.error(
            under(path, i, 'shipment'),
            `没有哪项 ship 措施发出过物资批次「${measure.shipment}」：检查批次 id。`,
          );
        }
        if (measure.by !== undefined) this.knownAt('region', measure.by, path, i, 'by');
        else if (measure.type === 'intercept' && this.scenario.roleRegion === undefined) {
          this.error(under(path, i, 'type'), '截留的物资要归学员所在地区：请声明 roleRegion。');
        }
        return;
      case 'notify':
        for (let j = 0; j < measure.regions.length; j++) {
          this.knownAt('region', measure.regions[j] as string, path, i, 'regions', j);
        }
        return;
      case 'roads':
        this.knownAt('region', measure.region, path, i, 'region');
        if (measure.from !== undefined) this.knownAt('region', measure.from, path, i, 'from');
        else if (this.scenario.roleRegion === undefined) {
          this.error(under(path, i, 'from'), '写明 from（哪个地区关闭道路），或声明 roleRegion。');
        }
        return;
      case 'level':
      case 'policy':
        return;
      default:
        measure satisfies never;
    }
  }
}

// Built once: a large drill has a condition on many of its tens of thousands of choices.
const CONDITION_CHECKS: ConditionHandlers<void, LintContext> = {
  all: (c, context) => {
    const path = context.conditionPath;
    for (let i = 0; i < c.all.length; i++) context.condition(c.all[i] as Condition, under(path, 'all', i));
  },
  any: (c, context) => {
    const path = context.conditionPath;
    for (let i = 0; i < c.any.length; i++) context.condition(c.any[i] as Condition, under(path, 'any', i));
  },
  not: (c, context) => {
    const path = context.conditionPath;
    context.condition(c.not, under(path, 'not'));
  },
  var: (c, context) => {
    const path = context.conditionPath;
    context.readVars.add(c.var);
    const type = context.vars.get(c.var);
    if (!type && context.leftOutVar(c.var)) return;
    if (!type) {
      context.undeclaredVar(c.var, path);
    } else if (typeof c.value !== type) {
      const typeName = type === 'number' ? '数值' : '是/否';
      context.error(
        under(path, 'value'),
        `变量「${c.var}」是${typeName}变量，不能和 ${JSON.stringify(c.value)} 比较。`,
      );
    } else if (type === 'boolean' && c.op !== '==' && c.op !== '!=') {
      context.error(under(path, 'op'), `是/否变量「${c.var}」只能用 == 或 != 比较。`);
    } else if (typeof c.value === 'number') {
      const range = context.ranges.get(c.var) ?? UNBOUNDED;
      const min = range[0];
      const max = range[1];
      if (!canHold(c.op, c.value, min, max)) {
        context.warning(
          path,
          `变量「${c.var}」的范围是 ${min}–${max}，“${c.op} ${c.value}”永远不会成立：检查数值或变量范围。`,
        );
      }
    }
  },
  metric: (c, context) => {
    const path = context.conditionPath;
    if (REGION_METRICS.has(c.metric) && !context.hasRegions()) {
      context.error(under(path, 'metric'), `「${c.metric}」是地区的量，但这个演练没有声明 regions。`);
    }
    if (c.region !== undefined) context.knownAt('region', c.region, path, 'region');
    if (c.metric === 'supply') {
      if (c.supply === undefined) context.error(under(path, 'supply'), 'metric 为 supply 时要写明 supply（物资 id）。');
      else context.knownAt('supply', c.supply, path, 'supply');
    }
  },
  authorised: (c, context) => {
    const path = context.conditionPath;
    if (!context.knownAt('power', c.authorised, path, 'authorised')) return;
    const power = powerInForce(context.scenario, c.authorised);
    // With no actor for the trainee, every power counts as the trainee's own (engine/rules.ts).
    if (power?.holders.length === 0 && context.scenario.roleActor !== undefined) {
      context.warning(
        path,
        `「${power.name}」没有享有者（holders 为空），谁也不能行使或批准它，“authorised”永远不会成立：把有权决定的机关写成主体放进 holders，或删去这个条件。`,
      );
    }
  },
  requested: (c, context) => {
    const path = context.conditionPath;
    context.knownAt('power', c.requested, path, 'requested');
  },
  // A duration's form is the schema's business; any time may be asked about.
  before: () => {},
  after: () => {},
  visited: (c, context) => {
    const path = context.conditionPath;
    context.knownAt('node', c.visited, path, 'visited');
  },
};

/** A map's keys as declared ids, read in place (a class, not closures: one shape for every lint). */
class KeysOf implements DeclaredIds {
  constructor(private readonly map: ReadonlyMap<string, unknown>) {}

  has(id: string): boolean {
    return this.map.has(id);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.map.keys();
  }
}

/** Whether `x op value` holds for some x in [min, max]. */
function canHold(op: string, value: number, min: number, max: number): boolean {
  switch (op) {
    case '==':
      return value >= min && value <= max;
    case '!=':
      return !(min === max && min === value);
    case '<':
      return min < value;
    case '<=':
      return min <= value;
    case '>':
      return max > value;
    case '>=':
      return max >= value;
    default:
      return true;
  }
}
