/**
 * Meaning checks on a scenario whose shape is already valid: names that point nowhere, graph
 * problems, ranges. The same code runs in the app and on the command line.
 */
import { parseDuration } from '../engine/clock';
import { conditionKind } from '../engine/conditions';
import { inForce, powerInForce } from '../engine/powers-in-force';
import { ruleDelta } from '../engine/rules';
import {
  DEFAULT_BASE,
  DEFAULT_TIMEOUT_PENALTY,
  DEFAULT_WINDOW_CREDIT,
  DEFAULT_WINDOW_PENALTY,
  DIMENSIONS,
} from '../engine/scoring';
import { type Adjacency, leadToAnEnding, nodeIndex, reachableNodes, successors } from './graph';
import { error, type PathKey, type Problem, warning } from './problem';
import {
  type Choice,
  type Condition,
  type DecisionNode,
  type Dimension,
  type Effect,
  type Measure,
  RETURN,
  type Scenario,
  type ScenarioNode,
} from './schema';

const REGION_METRICS = new Set(['cases', 'deaths', 'infectious', 'hospitalised', 'bedsFree', 'trust', 'supply']);

type Kind = 'node' | 'region' | 'actor' | 'power' | 'supply' | 'reference' | 'window';

const WHERE: Record<Kind, string> = {
  node: 'nodes',
  region: 'regions',
  actor: 'actors',
  power: 'powers',
  supply: 'supplies',
  reference: 'references',
  window: 'timeWindows',
};

const WHAT: Record<Kind, string> = {
  node: '节点',
  region: '地区',
  actor: '主体',
  power: '权力',
  supply: '物资',
  reference: '依据',
  window: '时间窗',
};

/** Everything a check needs: the declared names and the list of problems found so far. */
class Checker {
  readonly problems: Problem[] = [];
  readonly names: Record<Kind, Set<string>>;
  readonly vars: Map<string, 'number' | 'boolean'>;
  /** Declared [min, max] of each number variable. */
  readonly ranges: Map<string, readonly [number, number]>;
  /** Ids of shipments that some measure sends. */
  readonly shipments: Set<string>;

  constructor(readonly scenario: Scenario) {
    const ids = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id));
    this.names = {
      node: ids(scenario.nodes),
      region: ids(scenario.regions),
      actor: ids(scenario.actors),
      power: ids(scenario.powers?.filter((p) => inForce(p, scenario.legalFramework))),
      supply: ids(scenario.supplies),
      reference: ids(scenario.references),
      window: ids(scenario.timeWindows),
    };
    this.vars = new Map((scenario.variables ?? []).map((x) => [x.id, x.type]));
    this.ranges = new Map(
      (scenario.variables ?? []).flatMap((x) => (x.type === 'number' ? [[x.id, [x.min, x.max] as const]] : [])),
    );
    this.shipments = new Set();
    const ship = (world: readonly Measure[] | undefined) => {
      for (const m of world ?? []) if (m.type === 'ship') this.shipments.add(m.id);
    };
    for (const n of scenario.nodes) if (n.kind === 'decision') for (const c of n.choices) ship(c.world);
    for (const i of scenario.injects ?? []) ship(i.world);
  }

  error(path: readonly PathKey[], message: string): void {
    this.problems.push(error(path, message));
  }

  warning(path: readonly PathKey[], message: string): void {
    this.problems.push(warning(path, message));
  }

  /** `id` must be a declared name of `kind`. */
  known(kind: Kind, id: string, path: readonly PathKey[]): boolean {
    if (this.names[kind].has(id)) return true;
    if (kind === 'power' && this.scenario.powers?.some((p) => p.id === id)) {
      const year = this.scenario.legalFramework;
      this.error(path, `权力「${id}」没有适用于 ${year} 年法律的一条：检查它的 from/until，或演练的 legalFramework。`);
      return false;
    }
    this.error(path, `${WHAT[kind]}「${id}」没有在 ${WHERE[kind]} 里声明：补上它，或改成已声明的${WHAT[kind]} id。`);
    return false;
  }

  refs(refs: readonly string[] | undefined, path: readonly PathKey[]): void {
    refs?.forEach((id, i) => {
      this.known('reference', id, [...path, i]);
    });
  }

  duplicates(list: readonly { id: string }[] | undefined, path: readonly PathKey[], what: string): void {
    if (!list) return;
    // A node's few choices are compared pairwise: a Set for each of ten thousand nodes costs more.
    const seen = list.length > 8 ? new Set<string>() : null;
    for (let i = 0; i < list.length; i++) {
      const { id } = list[i] as { id: string };
      let repeated = false;
      if (seen) {
        repeated = seen.has(id);
        seen.add(id);
      } else {
        for (let j = 0; j < i && !repeated; j++) repeated = (list[j] as { id: string }).id === id;
      }
      if (repeated) this.error([...path, i, 'id'], `${what} id「${id}」重复了：每个${what}的 id 必须唯一，请改名。`);
    }
  }

  condition(c: Condition, path: PathKey[]): void {
    const kind = conditionKind(c);
    switch (kind) {
      case 'all':
      case 'any': {
        const list = kind === 'all' ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any;
        list.forEach((x, i) => {
          this.condition(x, [...path, kind, i]);
        });
        return;
      }
      case 'not':
        this.condition((c as { not: Condition }).not, [...path, 'not']);
        return;
      case 'var': {
        const cmp = c as Extract<Condition, { var: string }>;
        const type = this.vars.get(cmp.var);
        if (!type) {
          this.error([...path, 'var'], `变量「${cmp.var}」没有声明：在 variables 里加上它，或改成已声明的变量。`);
        } else if (typeof cmp.value !== type) {
          const typeName = type === 'number' ? '数值' : '是/否';
          this.error(
            [...path, 'value'],
            `变量「${cmp.var}」是${typeName}变量，不能和 ${JSON.stringify(cmp.value)} 比较。`,
          );
        } else if (type === 'boolean' && cmp.op !== '==' && cmp.op !== '!=') {
          this.error([...path, 'op'], `是/否变量「${cmp.var}」只能用 == 或 != 比较。`);
        } else if (typeof cmp.value === 'number') {
          const [min, max] = this.ranges.get(cmp.var) ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
          if (!canHold(cmp.op, cmp.value, min, max)) {
            this.warning(
              path,
              `变量「${cmp.var}」的范围是 ${min}–${max}，“${cmp.op} ${cmp.value}”永远不会成立：检查数值或变量范围。`,
            );
          }
        }
        return;
      }
      case 'metric': {
        const cmp = c as Extract<Condition, { metric: string }>;
        if (REGION_METRICS.has(cmp.metric) && !this.scenario.regions?.length) {
          this.error([...path, 'metric'], `「${cmp.metric}」是地区的量，但这个演练没有声明 regions。`);
        }
        if (cmp.region !== undefined) this.known('region', cmp.region, [...path, 'region']);
        if (cmp.metric === 'supply') {
          if (cmp.supply === undefined)
            this.error([...path, 'supply'], 'metric 为 supply 时要写明 supply（物资 id）。');
          else this.known('supply', cmp.supply, [...path, 'supply']);
        }
        return;
      }
      case 'authorised':
        this.known('power', (c as { authorised: string }).authorised, [...path, 'authorised']);
        return;
      case 'before':
      case 'after':
        return;
      case 'visited':
        this.known('node', (c as { visited: string }).visited, [...path, 'visited']);
        return;
      default:
        kind satisfies never;
    }
  }

  effects(effects: readonly Effect[] | undefined, path: readonly PathKey[]): void {
    effects?.forEach((effect, e) => {
      const type = this.vars.get(effect.var);
      const ep: PathKey[] = [...path, e];
      if (!type) {
        this.error([...ep, 'var'], `变量「${effect.var}」没有声明：在 variables 里加上它，或改成已声明的变量。`);
      } else if (effect.op === 'set' && typeof effect.value !== type) {
        const typeName = type === 'number' ? '数值' : '是/否';
        this.error(
          [...ep, 'value'],
          `变量「${effect.var}」是${typeName}变量，不能设为 ${JSON.stringify(effect.value)}。`,
        );
      } else if (effect.op !== 'set' && type !== 'number') {
        this.error([...ep, 'op'], `「${effect.op}」只能用于数值变量，「${effect.var}」是是/否变量。`);
      } else if (effect.op === 'random' && effect.min > effect.max) {
        this.error([...ep, 'max'], `max ${effect.max} 小于 min ${effect.min}。`);
      } else {
        // Values outside the declared range are clamped when the drill runs: say so rather than repair quietly.
        const [min, max] = this.ranges.get(effect.var) ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
        const outside = (x: number) => x < min || x > max;
        if (effect.op === 'set' && typeof effect.value === 'number' && outside(effect.value)) {
          this.warning(
            [...ep, 'value'],
            `${effect.value} 超出变量「${effect.var}」的范围 ${min}–${max}，运行时会被截到范围内。`,
          );
        } else if (effect.op === 'random' && (outside(effect.min) || outside(effect.max))) {
          this.warning(
            ep,
            `随机范围 ${effect.min}–${effect.max} 超出变量「${effect.var}」的范围 ${min}–${max}，运行时会被截到范围内。`,
          );
        }
      }
    });
  }

  measures(measures: readonly Measure[] | undefined, path: readonly PathKey[]): void {
    measures?.forEach((m, i) => {
      const mp: PathKey[] = [...path, i];
      if (!this.scenario.regions?.length && m.type !== 'level' && m.type !== 'policy') {
        this.error([...mp, 'type'], `措施「${m.type}」作用于地区，但这个演练没有声明 regions。`);
        return;
      }
      switch (m.type) {
        case 'contact':
        case 'isolation':
        case 'beds':
        case 'trust':
          this.known('region', m.region, [...mp, 'region']);
          return;
        case 'supply':
          this.known('region', m.region, [...mp, 'region']);
          this.known('supply', m.supply, [...mp, 'supply']);
          return;
        case 'travel':
          m.between.forEach((id, k) => {
            this.known('region', id, [...mp, 'between', k]);
          });
          return;
        case 'ship':
          this.known('supply', m.supply, [...mp, 'supply']);
          this.known('region', m.to, [...mp, 'to']);
          return;
        case 'intercept':
        case 'release':
          if (!this.shipments.has(m.shipment)) {
            this.error([...mp, 'shipment'], `没有哪项 ship 措施发出过物资批次「${m.shipment}」：检查批次 id。`);
          }
          if (m.type === 'intercept' && this.scenario.roleRegion === undefined) {
            this.error([...mp, 'type'], '截留的物资要归学员所在地区：请声明 roleRegion。');
          }
          return;
        case 'notify':
          m.regions.forEach((id, k) => {
            this.known('region', id, [...mp, 'regions', k]);
          });
          return;
        case 'roads':
          this.known('region', m.region, [...mp, 'region']);
          if (m.from !== undefined) this.known('region', m.from, [...mp, 'from']);
          else if (this.scenario.roleRegion === undefined) {
            this.error([...mp, 'from'], '写明 from（哪个地区关闭道路），或声明 roleRegion。');
          }
          return;
        case 'level':
        case 'policy':
          return;
        default:
          m satisfies never;
      }
    });
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

/** "2026-02-30T08:00" has the right shape but no such day. */
function isRealDateTime(text: string): boolean {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days && h < 24 && mi < 60;
}

function checkWorld(k: Checker, s: Scenario): void {
  k.duplicates(s.regions, ['regions'], '地区');
  k.duplicates(s.supplies, ['supplies'], '物资');
  k.duplicates(s.actors, ['actors'], '主体');
  // A power may be declared once per range of law years; two entries in force together clash.
  k.duplicates(
    s.powers?.map((p, i) => ({ id: inForce(p, s.legalFramework) ? p.id : `\u0000${i}` })),
    ['powers'],
    '权力',
  );
  k.duplicates(s.injects, ['injects'], '插入事件');
  s.regions?.forEach((r, i) => {
    r.neighbours?.forEach((id, j) => {
      if (id === r.id) k.error(['regions', i, 'neighbours', j], '地区不能与自己相邻。');
      else k.known('region', id, ['regions', i, 'neighbours', j]);
    });
    for (const supply of Object.keys(r.supplies ?? {})) k.known('supply', supply, ['regions', i, 'supplies', supply]);
  });
  s.travel?.forEach((t, i) => {
    t.between.forEach((id, j) => {
      k.known('region', id, ['travel', i, 'between', j]);
    });
    if (t.between[0] === t.between[1]) k.error(['travel', i, 'between'], '往来的两端不能是同一个地区。');
  });
  if (s.epidemic && !s.regions?.length) k.error(['epidemic'], '有传染病模型就要声明 regions（地区）。');
  s.epidemic?.initial.forEach((x, i) => {
    if (!k.known('region', x.region, ['epidemic', 'initial', i, 'region'])) return;
    const region = s.regions?.find((r) => r.id === x.region);
    const seeded = (x.exposed ?? 0) + (x.infectious ?? 0) + (x.hospitalised ?? 0) + (x.recovered ?? 0) + (x.dead ?? 0);
    if (region && seeded > region.population) {
      k.error(
        ['epidemic', 'initial', i],
        `开局感染情况合计 ${seeded} 人，超过了${region.name}的人口 ${region.population}。`,
      );
    }
  });
  const exercised = new Set<string>();
  const reported = new Set<string>();
  for (const node of s.nodes) {
    if (node.kind !== 'decision') continue;
    for (const c of node.choices) {
      if (c.power !== undefined) exercised.add(c.power);
      for (const id of c.reports ?? []) reported.add(id);
    }
  }
  s.powers?.forEach((p, i) => {
    if (p.from !== undefined && p.until !== undefined && p.from >= p.until) {
      k.error(['powers', i, 'until'], `until（${p.until}）要晚于 from（${p.from}）。`);
    }
    p.holders.forEach((id, j) => {
      k.known('actor', id, ['powers', i, 'holders', j]);
    });
    if (p.report) {
      k.known('actor', p.report.to, ['powers', i, 'report', 'to']);
      k.refs(p.report.refs, ['powers', i, 'report', 'refs']);
      const binds = s.roleActor !== undefined && p.holders.includes(s.roleActor);
      if (binds && inForce(p, s.legalFramework) && !reported.has(p.id) && exercised.has(p.id)) {
        k.warning(
          ['powers', i, 'report'],
          `「${p.name}」行使后须报告，但没有哪个选项报告它：学员无从履行报告义务，行使了就必然扣分。在报告的选项上写 "reports": ["${p.id}"]。`,
        );
      }
    }
    k.refs(p.basis, ['powers', i, 'basis']);
    if (p.basis.length === 0)
      k.warning(['powers', i, 'basis'], `权力「${p.name}」没有写法律依据：在 basis 里引用条文。`);
  });
  if (s.roleActor !== undefined) k.known('actor', s.roleActor, ['roleActor']);
  if (s.roleRegion !== undefined) k.known('region', s.roleRegion, ['roleRegion']);
  if (s.powers?.length && s.roleActor === undefined) {
    k.error(['roleActor'], '声明了 powers 就要写明 roleActor（学员代表哪个主体），才能判断是否越权。');
  }
  k.refs(s.scoring?.timeoutRefs, ['scoring', 'timeoutRefs']);
  const outcomeWeight = s.scoring?.rules?.outcome?.delta;
  if (outcomeWeight !== undefined && outcomeWeight < 0) {
    k.error(
      ['scoring', 'rules', 'outcome', 'delta'],
      'outcome 是因迟滞扣分的最高分值，要写正数（如 30）；负数会奖励拖延。',
    );
  }
  for (const [rule, weight] of Object.entries(s.scoring?.rules ?? {})) {
    k.refs(weight?.refs, ['scoring', 'rules', rule, 'refs']);
  }
  s.injects?.forEach((inject, i) => {
    const at: PathKey[] = ['injects', i];
    if (inject.at === undefined && inject.when === undefined) {
      k.error(at, '插入事件要写 at（何时发生）或 when（什么条件下发生），或两者都写。');
    }
    if (inject.when) k.condition(inject.when, [...at, 'when']);
    k.effects(inject.effects, [...at, 'effects']);
    k.measures(inject.world, [...at, 'world']);
    inject.world?.forEach((m, j) => {
      if (m.type === 'roads' && m.from === undefined) {
        k.error([...at, 'world', j, 'from'], '插入事件关闭或恢复道路时要写明 from（是哪个地区）。');
      }
      if (m.type === 'intercept') {
        k.error([...at, 'world', j, 'type'], '插入事件不能截留物资：截留只能是学员的决定（选项的 world）。');
      }
    });
    if (inject.opens !== undefined && k.known('node', inject.opens, [...at, 'opens'])) {
      if (s.nodes.find((n) => n.id === inject.opens)?.kind !== 'decision') {
        k.error([...at, 'opens'], `插入事件只能打开决策节点，「${inject.opens}」是结局。`);
      }
      if (inject.at !== undefined && parseDuration(inject.at) === 0) {
        k.warning(
          [...at, 'at'],
          '开局时刻的插入事件要等第一个决定之后才会打开节点：如想一开始就出现，把这个节点设为 start。',
        );
      }
    }
  });
}

function checkNodes(k: Checker, s: Scenario): void {
  const opened = new Set((s.injects ?? []).flatMap((i) => (i.opens ? [i.opens] : [])));
  // Opened nodes that "$return", or lead to one that does: entered any other way than by an
  // inject, they would have nowhere to return to.
  const leadsTo = new Map(
    s.nodes.flatMap((n) =>
      n.kind === 'decision' && opened.has(n.id)
        ? [[n.id, n.choices.flatMap((c) => (typeof c.next === 'string' ? [c.next] : c.next.map((b) => b.to)))]]
        : [],
    ),
  );
  const returning = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, to] of leadsTo) {
      if (!returning.has(id) && to.some((t) => t === RETURN || returning.has(t))) {
        returning.add(id);
        grew = true;
      }
    }
  }
  const entered = (id: string) =>
    `节点「${id}」用 "$return" 回到插入事件打断之前的去向，只能由插入事件打开：这里请改去别的节点。`;
  if (returning.has(s.start)) k.error(['start'], entered(s.start));
  // Plain loops: a large drill has tens of thousands of choices, and a closure for each costs.
  for (let n = 0; n < s.nodes.length; n++) {
    const node = s.nodes[n] as ScenarioNode;
    const at: PathKey[] = ['nodes', n];
    if (node.kind !== 'decision') {
      node.details?.forEach((detail, i) => {
        k.condition(detail.when, [...at, 'details', i, 'when']);
      });
      continue;
    }
    k.duplicates(node.choices, [...at, 'choices'], '选项');
    if (node.timeLimitSec !== undefined && node.timeoutChoice === undefined) {
      k.error([...at, 'timeoutChoice'], '设了 timeLimitSec 却没有 timeoutChoice：写明限时用完时采取哪个选项。');
    }
    if (node.timeoutChoice !== undefined && !node.choices.some((c) => c.id === node.timeoutChoice)) {
      k.error([...at, 'timeoutChoice'], `超时选项「${node.timeoutChoice}」不是本节点的选项：改成本节点某个选项的 id。`);
    }
    if (node.timeoutChoice !== undefined && node.timeLimitSec === undefined) {
      k.warning(
        [...at, 'timeLimitSec'],
        '写了 timeoutChoice 却没有 timeLimitSec：不限时就不会超时，补上限时秒数或删去 timeoutChoice。',
      );
    }
    for (let c = 0; c < node.choices.length; c++) {
      const choice = node.choices[c] as Choice;
      const cp: PathKey[] = [...at, 'choices', c];
      if (choice.timeoutOnly && choice.id !== node.timeoutChoice) {
        k.error([...cp, 'timeoutOnly'], '只在超时时采取的选项必须是本节点的 timeoutChoice，否则永远不会被采取。');
      }
      if (choice.when) k.condition(choice.when, [...cp, 'when']);
      // Paths are built only for what is there.
      if (choice.effects) k.effects(choice.effects, [...cp, 'effects']);
      if (choice.world) k.measures(choice.world, [...cp, 'world']);
      choice.completes?.forEach((id, i) => {
        k.known('window', id, [...cp, 'completes', i]);
      });
      choice.score?.forEach((rule, i) => {
        if (rule.refs) k.refs(rule.refs, [...cp, 'score', i, 'refs']);
      });
      if (choice.power !== undefined) k.known('power', choice.power, [...cp, 'power']);
      choice.reports?.forEach((id, i) => {
        if (!k.known('power', id, [...cp, 'reports', i])) return;
        const power = powerInForce(s, id);
        if (power && !power.report) {
          k.error(
            [...cp, 'reports', i],
            `「${power.name}」没有报告义务（权力没有写 report）：删去这一项，或给这项权力写上 report。`,
          );
        }
      });
      if (choice.requests) {
        k.known('power', choice.requests.power, [...cp, 'requests', 'power']);
        const asked = k.known('actor', choice.requests.from, [...cp, 'requests', 'from']);
        const power = powerInForce(s, choice.requests.power);
        if (asked && power && !power.holders.includes(choice.requests.from)) {
          k.error(
            [...cp, 'requests', 'from'],
            `「${choice.requests.from}」并不享有「${power.name}」，无法授权：改为向 holders 中的主体请求。`,
          );
        }
        if (choice.requests.when) k.condition(choice.requests.when, [...cp, 'requests', 'when']);
      }
      if (choice.needs) {
        k.condition(choice.needs.when, [...cp, 'needs', 'when']);
        k.refs(choice.needs.refs, [...cp, 'needs', 'refs']);
      }
      const branches = typeof choice.next === 'string' ? [{ to: choice.next }] : choice.next;
      for (let b = 0; b < branches.length; b++) {
        const branch = branches[b] as { to: string; when?: Condition };
        let problem: string | null = null;
        if (branch.to === RETURN) {
          if (!opened.has(node.id)) problem = '"$return" 只能用在插入事件打开的节点里：这里请写一个节点 id。';
        } else if (!k.names.node.has(branch.to)) {
          problem = `去向节点「${branch.to}」不存在：改成已有节点的 id，或先添加这个节点。`;
        } else if (returning.has(branch.to) && !opened.has(node.id)) {
          problem = entered(branch.to);
        }
        if (problem !== null) {
          k.error(typeof choice.next === 'string' ? [...cp, 'next'] : [...cp, 'next', b, 'to'], problem);
        }
        if (branch.when) k.condition(branch.when, [...cp, 'next', b, 'when']);
      }
      if (typeof choice.next !== 'string' && choice.next[choice.next.length - 1]?.when !== undefined) {
        k.error([...cp, 'next'], '去向列表的最后一条要不带 when，作为都不成立时的兜底。');
      }
    }
  }
}

/**
 * A node's `at` works where the run moves to the node by a choice's `next`: the start is met at
 * minute 0, and a node only an inject opens is met when the inject fires.
 */
function checkAt(k: Checker, s: Scenario): void {
  const targets = new Set<string>();
  for (const node of s.nodes) {
    if (node.kind !== 'decision') continue;
    for (const c of node.choices) {
      if (typeof c.next === 'string') targets.add(c.next);
      else for (const b of c.next) targets.add(b.to);
    }
  }
  s.nodes.forEach((node, n) => {
    if (node.kind !== 'decision' || node.at === undefined || parseDuration(node.at) === 0) return;
    if (node.id === s.start) {
      k.warning(
        ['nodes', n, 'at'],
        '开局节点在开局那一刻出现，它的 at 不起作用：删去 at，或把 clockStart 改到这个局面出现的时刻。',
      );
    } else if (!targets.has(node.id) && (s.injects ?? []).some((i) => i.opens === node.id)) {
      k.warning(
        ['nodes', n, 'at'],
        `节点「${node.id}」只由插入事件打开，在事件发生时出现，它的 at 不起作用：删去 at，或给插入事件写 at。`,
      );
    }
  });
}

/** Unreachable nodes, nodes with no way to an ending, and decisions that may offer nothing. */
function checkGraph(k: Checker, s: Scenario, reachable: ReadonlySet<string>): void {
  const ending = leadToAnEnding(s);
  // An inject may open a node that leads out; then a node with no way out of its own may still be left.
  const rescue = (s.injects ?? []).some((i) => i.opens !== undefined && ending.has(i.opens));
  for (let n = 0; n < s.nodes.length; n++) {
    const node = s.nodes[n] as ScenarioNode;
    if (!reachable.has(node.id)) {
      k.warning(
        ['nodes', n, 'id'],
        `${node.kind === 'ending' ? '结局' : '节点'}「${node.id}」从开局出发永远到不了：让某个选项的 next 指向它，或删去它。`,
      );
      continue;
    }
    if (node.kind !== 'decision') continue;
    if (!ending.has(node.id)) {
      if (rescue) {
        k.warning(
          ['nodes', n, 'id'],
          `从节点「${node.id}」出发，只有插入事件打开别的节点才能走向结局：确认这是有意的。`,
        );
      } else {
        k.error(['nodes', n, 'id'], `从节点「${node.id}」出发到不了任何结局，学员会被困住：让某个选项通向结局。`);
      }
    }
    const timed = node.timeLimitSec !== undefined && node.timeoutChoice !== undefined;
    if (!timed && node.choices.every((c) => c.when !== undefined || c.timeoutOnly)) {
      k.warning(
        ['nodes', n, 'choices'],
        `节点「${node.id}」的选项都带条件：条件都不成立时学员无从选择。给一个选项去掉 when，或设限时和超时选项。`,
      );
    }
  }
}

/*
 * What fits on the decision screen without scrolling: the node's title, its situation text and the
 * choices offered, each with its number key. The shipped drills stay well inside these (their
 * longest text is about 430 characters, their longest label about 85, at most 4 choices).
 */
/** Characters of a decision's situation text. */
export const MAX_SITUATION_CHARS = 600;
/** Characters of one choice's label. */
export const MAX_CHOICE_LABEL_CHARS = 90;
/** Choices that may be offered at once (number keys reach nine; more than six is hard to weigh under a clock). */
export const MAX_CHOICES_SHOWN = 6;
/** Characters of title, text and every label offered, together. */
export const MAX_DECISION_SCREEN_CHARS = 900;

/** Decisions whose text and choices would not fit on the decision screen. */
function checkScreen(k: Checker, s: Scenario): void {
  const split = '把它拆成两个节点（先交代情况、再作决定，或把决定分成两步）';
  for (let n = 0; n < s.nodes.length; n++) {
    const node = s.nodes[n] as ScenarioNode;
    if (node.kind !== 'decision') continue;
    const at: PathKey[] = ['nodes', n];
    // A choice taken only on timeout is never shown.
    const shown = node.choices.filter((c) => !c.timeoutOnly);
    let over = false;
    if (node.text.length > MAX_SITUATION_CHARS) {
      over = true;
      k.warning(
        [...at, 'text'],
        `节点「${node.id}」的情况说明有 ${node.text.length} 个字，决策页面最多放 ${MAX_SITUATION_CHARS} 个字，学员要滚动才能看到选项：${split}，或删减文字。`,
      );
    }
    node.choices.forEach((c, i) => {
      if (c.timeoutOnly || c.label.length <= MAX_CHOICE_LABEL_CHARS) return;
      over = true;
      k.warning(
        [...at, 'choices', i, 'label'],
        `选项「${c.id}」的文字有 ${c.label.length} 个字，超过决策页面每个选项的 ${MAX_CHOICE_LABEL_CHARS} 字：选项只写决定本身，说明放进节点的情况说明或 feedback。`,
      );
    });
    if (shown.length > MAX_CHOICES_SHOWN) {
      over = true;
      k.warning(
        [...at, 'choices'],
        `节点「${node.id}」可能同时显示 ${shown.length} 个选项，决策页面最多放 ${MAX_CHOICES_SHOWN} 个：合并相近的选项，或${split}。`,
      );
    }
    const total = node.title.length + node.text.length + shown.reduce((sum, c) => sum + c.label.length, 0);
    if (!over && total > MAX_DECISION_SCREEN_CHARS) {
      k.warning(
        at,
        `节点「${node.id}」的标题、情况说明和选项合计 ${total} 个字，超过决策页面的 ${MAX_DECISION_SCREEN_CHARS} 字，学员要滚动才能看全：${split}，或删减文字。`,
      );
    }
  }
}

const DIMENSION_NAMES: Record<Dimension, string> = { timeliness: '时效', legality: '依法', coordination: '协同' };

/**
 * A dimension's reachable scores should come within this many points of both ends of the 0–100
 * scale: the best trainee able to score 90 or more, the worst 10 or less.
 */
export const SCALE_MARGIN = 10;

/** The least and the most, per dimension, that something adds to a run's score events. */
type Span = Record<Dimension, { lo: number; hi: number }>;

/*
 * Spans are kept flat while they are computed, six numbers to a node or a choice: the least and
 * the most for each dimension in DIMENSIONS order (lo at 2·d, hi at 2·d + 1), so that a large
 * drill's tens of thousands of choices cost no object each.
 */
const TIMELINESS = DIMENSIONS.indexOf('timeliness');
const LEGALITY = DIMENSIONS.indexOf('legality');
const COORDINATION = DIMENSIONS.indexOf('coordination');
const DIMENSION_SLOT = Object.fromEntries(DIMENSIONS.map((d, i) => [d, i])) as Record<Dimension, number>;

/** Adds an event that may or may not happen (of `delta`, or of `other`): the span widens to take in each. NOTE mutates `span`. */
function mayAdd(span: Float64Array, dimension: number, delta: number, other = 0): void {
  span[dimension * 2] = (span[dimension * 2] as number) + Math.min(0, delta, other);
  span[dimension * 2 + 1] = (span[dimension * 2 + 1] as number) + Math.max(0, delta, other);
}

/**
 * What one decision can score, whichever way it goes, into `span`: the choice's own
 * `score`, the timeout penalty when it is the timeout choice, and the automatic rules its power,
 * needs and measures may trigger. Notices and time windows count once a run, so they are left to
 * `scoreSpan`. NOTE mutates `span`.
 */
function choiceSpan(s: Scenario, node: DecisionNode, choice: Choice, policy: boolean, span: Float64Array): void {
  span.fill(0);
  for (const rule of choice.score ?? []) {
    const d = DIMENSION_SLOT[rule.dimension];
    span[d * 2] = (span[d * 2] as number) + rule.delta;
    span[d * 2 + 1] = (span[d * 2 + 1] as number) + rule.delta;
  }
  if (node.timeLimitSec !== undefined && node.timeoutChoice === choice.id) {
    mayAdd(span, TIMELINESS, -(s.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY));
  }
  if (choice.power !== undefined) {
    const power = powerInForce(s, choice.power);
    const actor = s.roleActor;
    // Held: never unlawful (engine/rules.ts, lawfulness), but a duty to report may be left undone.
    const held = !power || actor === undefined || power.holders.includes(actor);
    if (!held) mayAdd(span, LEGALITY, ruleDelta(s, 'unlawfulPower'));
    else if (power?.report) mayAdd(span, LEGALITY, ruleDelta(s, 'unreported'));
  }
  if (choice.needs) mayAdd(span, LEGALITY, ruleDelta(s, 'disproportionate'));
  for (const m of choice.world ?? []) {
    if (m.type === 'ship') mayAdd(span, COORDINATION, ruleDelta(s, 'send'));
    else if (m.type === 'release') mayAdd(span, COORDINATION, ruleDelta(s, 'letThrough'));
    else if (m.type === 'intercept') mayAdd(span, COORDINATION, ruleDelta(s, 'intercept'));
    else if (m.type === 'roads' && !m.open) mayAdd(span, COORDINATION, ruleDelta(s, 'closeRoad'));
    else if (m.type === 'contact' && policy) {
      mayAdd(span, COORDINATION, ruleDelta(s, 'escalate'), ruleDelta(s, 'align'));
    }
  }
}

/**
 * The least and the most a whole run can add to each dimension: a loose bound, never a tight one,
 * so that a warning built on it is never wrong. Conditions are not evaluated.
 *
 * A run is a walk along `next` from the start, interrupted now and then by an inject that opens
 * a node; what follows the interruption either returns to where the run was heading or carries on
 * from there. So the run is one walk from the start plus, for each inject that opens a node, at most
 * one walk from that node, and each walk scores at most its best path. A cycle that can score makes
 * the bound infinite. Time windows, notices, withholding and the outcome are scored at most once a run.
 */
export function scoreSpan(s: Scenario): Span {
  const injects = s.injects ?? [];
  let policy = injects.some((i) => i.world?.some((m) => m.type === 'policy'));
  const completed = new Set<string>();
  const notified = new Set<string>();
  for (const node of s.nodes) {
    if (node.kind !== 'decision') continue;
    for (const c of node.choices) {
      for (const id of c.completes ?? []) completed.add(id);
      for (const m of c.world ?? []) {
        if (m.type === 'policy') policy = true;
        else if (m.type === 'notify') for (const r of m.regions) notified.add(r);
      }
    }
  }
  const index = nodeIndex(s);
  const count = s.nodes.length;
  // Per node, the most and least one visit adds.
  const weight = new Float64Array(count * 6);
  const one = new Float64Array(6);
  for (let i = 0; i < count; i++) {
    const node = s.nodes[i] as Scenario['nodes'][number];
    if (node.kind !== 'decision') continue;
    for (const c of node.choices) {
      choiceSpan(s, node, c, policy, one);
      for (let k = 0; k < 6; k += 2) {
        weight[i * 6 + k] = Math.min(weight[i * 6 + k] as number, one[k] as number);
        weight[i * 6 + k + 1] = Math.max(weight[i * 6 + k + 1] as number, one[k + 1] as number);
      }
    }
  }
  const best = bestPaths(count, successors(s), weight);

  const total = new Float64Array(6);
  for (const id of [s.start, ...injects.flatMap((i) => (i.opens ? [i.opens] : []))]) {
    const i = index.get(id);
    if (i === undefined) continue;
    for (let k = 0; k < 6; k++) total[k] = (total[k] as number) + (best[i * 6 + k] as number);
  }
  for (const w of s.timeWindows ?? []) {
    const penalty = w.penalty ?? DEFAULT_WINDOW_PENALTY;
    // Never done costs the full penalty at the end; done, anything from that up to the credit.
    const most = completed.has(w.id) ? Math.max(-penalty, w.credit ?? DEFAULT_WINDOW_CREDIT) : -penalty;
    total[TIMELINESS * 2] = (total[TIMELINESS * 2] as number) - penalty;
    total[TIMELINESS * 2 + 1] = (total[TIMELINESS * 2 + 1] as number) + most;
  }
  mayAdd(total, COORDINATION, notified.size * ruleDelta(s, 'notify'));
  const own = s.regions?.find((r) => r.id === s.roleRegion);
  mayAdd(total, COORDINATION, (own?.neighbours?.length ?? 0) * ruleDelta(s, 'withhold'));
  if (s.epidemic) mayAdd(total, TIMELINESS, -ruleDelta(s, 'outcome'));
  const span = (d: number) => ({ lo: total[d * 2] as number, hi: total[d * 2 + 1] as number });
  return { timeliness: span(TIMELINESS), legality: span(LEGALITY), coordination: span(COORDINATION) };
}

/**
 * For each node, the least and most (each of the six weights) along any walk from it, weights
 * summed node by node. Weights are never of the wrong sign (lo ≤ 0 ≤ hi), so a walk may as well go
 * on; a cycle with any weight makes that weight infinite. Tarjan's strongly connected components,
 * iteratively (a 10,000-node chain must not overflow the stack): each component is finished after
 * every component it leads to, so its best path is known when it is finished.
 */
function bestPaths(count: number, edges: Adjacency, weight: Float64Array): Float64Array {
  const best = new Float64Array(count * 6);
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  /** The component each finished node is in; -1 while it is on the stack or unvisited. */
  const component = new Int32Array(count).fill(-1);
  const stack = new Int32Array(count);
  let height = 0;
  // The depth-first walk: the node at each level and how many of its edges are done.
  const walkNode = new Int32Array(count);
  const walkEdge = new Int32Array(count);
  const own = new Float64Array(6);
  const after = new Float64Array(6);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    walkNode[0] = root;
    walkEdge[0] = 0;
    order[root] = low[root] = counter++;
    stack[height++] = root;
    while (depth >= 0) {
      const v = walkNode[depth] as number;
      const e = walkEdge[depth] as number;
      if (e < (edges.start[v + 1] as number) - (edges.start[v] as number)) {
        walkEdge[depth] = e + 1;
        const w = edges.out[(edges.start[v] as number) + e] as number;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[height++] = w;
          depth++;
          walkNode[depth] = w;
          walkEdge[depth] = 0;
        } else if (component[w] === -1) {
          // On the stack: part of the component being built.
          low[v] = Math.min(low[v] as number, order[w] as number);
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = walkNode[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] !== order[v]) continue;
      // v roots a component: the stack down to v.
      const id = components++;
      let bottom = height - 1;
      while (stack[bottom] !== v) bottom--;
      for (let m = bottom; m < height; m++) component[stack[m] as number] = id;
      let cyclic = height - bottom > 1;
      own.fill(0);
      after.fill(0);
      for (let m = bottom; m < height; m++) {
        const x = stack[m] as number;
        for (let k = edges.start[x] as number; k < (edges.start[x + 1] as number); k++) {
          const to = edges.out[k] as number;
          if (component[to] === id) {
            cyclic = true;
            continue;
          }
          for (let k = 0; k < 6; k++) {
            const b = best[to * 6 + k] as number;
            after[k] = k % 2 === 1 ? Math.max(after[k] as number, b) : Math.min(after[k] as number, b);
          }
        }
        for (let k = 0; k < 6; k++) own[k] = (own[k] as number) + (weight[x * 6 + k] as number);
      }
      for (let k = 0; k < 6; k++) {
        // Round a cycle as often as one likes: whatever it can score, it can score without end.
        if (cyclic && own[k] !== 0) own[k] = k % 2 === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        const value = (own[k] as number) + (after[k] as number);
        for (let m = bottom; m < height; m++) best[(stack[m] as number) * 6 + k] = value;
      }
      height = bottom;
    }
  }
  return best;
}

/** Score dimensions that no run can move, or that cannot come near the top or the bottom of 0–100. */
function checkScale(k: Checker, s: Scenario): void {
  const base = s.scoring?.base ?? DEFAULT_BASE;
  const span = scoreSpan(s);
  const signed = (x: number) => (x >= 0 ? `+${x}` : `−${-x}`);
  // Scores are clamped to 0–100 (engine/scoring.ts), and so are the scores these messages name.
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  for (const d of DIMENSIONS) {
    const { lo, hi } = span[d];
    const name = `「${DIMENSION_NAMES[d]}」维度`;
    if (lo === hi) {
      const everyone = clamp(base + hi);
      k.warning(
        ['scoring'],
        `${name}没有任何规则能改变分数，所有学员都是 ${everyone} 分：给体现${DIMENSION_NAMES[d]}好坏的选项加上 dimension 为 ${d} 的 score（附依据）。`,
      );
      continue;
    }
    if (base + hi < 100 - SCALE_MARGIN) {
      k.warning(
        ['scoring'],
        `${name}最高只能得 ${clamp(base + hi)} 分（起评 ${base} 分，一局的加减分合计至多 ${signed(hi)}），表现最好的学员也到不了 ${100 - SCALE_MARGIN} 分：给做得对的决定加上更多 dimension 为 ${d} 的加分（选项的 score，附依据）。`,
      );
    }
    if (base + lo > SCALE_MARGIN) {
      k.warning(
        ['scoring'],
        `${name}最低也有 ${clamp(base + lo)} 分（起评 ${base} 分，一局的加减分合计至少 ${signed(lo)}），表现最差的学员也在 ${SCALE_MARGIN} 分以上：给做错的决定加上更重的 dimension 为 ${d} 的扣分（选项的 score，附依据）。`,
      );
    }
  }
}

export function lint(scenario: Scenario): Problem[] {
  const k = new Checker(scenario);
  k.duplicates(scenario.nodes, ['nodes'], '节点');
  k.duplicates(scenario.variables, ['variables'], '变量');
  k.duplicates(scenario.references, ['references'], '依据');
  k.duplicates(scenario.timeWindows, ['timeWindows'], '时间窗');

  scenario.variables?.forEach((x, i) => {
    if (x.type !== 'number') return;
    if (x.min > x.max) k.error(['variables', i, 'max'], `最大值 ${x.max} 小于最小值 ${x.min}：请对调或改正。`);
    else if (x.initial < x.min || x.initial > x.max) {
      k.error(['variables', i, 'initial'], `初始值 ${x.initial} 不在范围 ${x.min}–${x.max} 内。`);
    }
  });
  scenario.timeWindows?.forEach((w, i) => {
    if (parseDuration(w.ideal) > parseDuration(w.latest)) {
      k.error(['timeWindows', i, 'latest'], `最迟时限 ${w.latest} 早于理想时限 ${w.ideal}：最迟时限应不早于理想时限。`);
    }
    k.refs(w.refs, ['timeWindows', i, 'refs']);
  });

  const startNode = scenario.nodes.find((n) => n.id === scenario.start);
  if (!startNode) {
    k.error(['start'], `开局节点「${scenario.start}」不存在：start 要写成 nodes 中某个节点的 id。`);
  } else if (startNode.kind === 'ending') {
    k.error(['start'], `开局节点「${scenario.start}」是结局：start 要指向一个决策节点。`);
  }
  if (!isRealDateTime(scenario.clockStart)) {
    k.error(
      ['clockStart'],
      `开局时间「${scenario.clockStart}」不是真实存在的日期时间：检查月份、日期（如 2 月没有 30 日）和时刻。`,
    );
  }

  checkWorld(k, scenario);
  checkNodes(k, scenario);
  checkAt(k, scenario);

  if (startNode) {
    const reachable = reachableNodes(scenario);
    const endings = scenario.nodes.filter((n) => n.kind === 'ending');
    const anyEnding = endings.some((n) => reachable.has(n.id));
    // With no ending reachable at all, one message says so; node by node would only repeat it.
    if (anyEnding) checkGraph(k, scenario, reachable);
    if (!anyEnding) {
      k.error(
        ['nodes'],
        endings.length === 0
          ? '没有结局节点：至少添加一个 "kind": "ending" 的节点。'
          : '从开局节点出发到不了任何结局：检查各选项的 next，让至少一条路通向结局。',
      );
    }
  }
  checkScreen(k, scenario);
  // The scale is judged only on a drill without errors (a graph with a dangling next scores
  // nothing meaningful), and only once its author scores at all: a story still being drafted,
  // with no score rules and no time windows yet, would be warned about every dimension at once.
  const scored =
    (scenario.timeWindows?.length ?? 0) > 0 ||
    scenario.nodes.some((n) => n.kind === 'decision' && n.choices.some((c) => (c.score?.length ?? 0) > 0));
  if (scored && startNode && !k.problems.some((p) => p.severity === 'error')) checkScale(k, scenario);
  return k.problems;
}
