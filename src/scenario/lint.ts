/**
 * Meaning checks on a scenario whose shape is already valid: names that point nowhere, graph
 * problems, ranges. The same code runs in the app and on the command line.
 */
import { parseDuration } from '../engine/clock';
import { conditionKind } from '../engine/conditions';
import { inForce, powerInForce } from '../engine/powers-in-force';
import { error, type PathKey, type Problem, warning } from './problem';
import { type Choice, type Condition, type Effect, type Measure, RETURN, type Scenario } from './schema';

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
    const measures = [
      ...scenario.nodes.flatMap((n) => (n.kind === 'decision' ? n.choices.flatMap((c) => c.world ?? []) : [])),
      ...(scenario.injects ?? []).flatMap((i) => i.world ?? []),
    ];
    this.shipments = new Set(measures.flatMap((m) => (m.type === 'ship' ? [m.id] : [])));
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
    const seen = new Set<string>();
    list?.forEach(({ id }, i) => {
      if (seen.has(id))
        this.error([...path, i, 'id'], `${what} id「${id}」重复了：每个${what}的 id 必须唯一，请改名。`);
      seen.add(id);
    });
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

/** Node ids a choice may lead to ("$return" leads back to where an inject interrupted). */
function targets(next: Choice['next']): string[] {
  return (typeof next === 'string' ? [next] : next.map((b) => b.to)).filter((t) => t !== RETURN);
}

/**
 * Node ids reachable from start when every branch may be taken (conditions are not evaluated);
 * nodes that injects open are reachable too.
 */
export function reachableNodes(scenario: Scenario): Set<string> {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [scenario.start, ...(scenario.injects ?? []).flatMap((i) => (i.opens ? [i.opens] : []))];
  while (stack.length) {
    const id = stack.pop() as string;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    if (node.kind !== 'decision') continue;
    for (const choice of node.choices) stack.push(...targets(choice.next));
  }
  return seen;
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
  s.powers?.forEach((p, i) => {
    if (p.from !== undefined && p.until !== undefined && p.from >= p.until) {
      k.error(['powers', i, 'until'], `until（${p.until}）要晚于 from（${p.from}）。`);
    }
    p.holders.forEach((id, j) => {
      k.known('actor', id, ['powers', i, 'holders', j]);
    });
    p.actFirst?.holders.forEach((id, j) => {
      k.known('actor', id, ['powers', i, 'actFirst', 'holders', j]);
    });
    if (p.actFirst) k.known('actor', p.actFirst.reportTo, ['powers', i, 'actFirst', 'reportTo']);
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
  s.nodes.forEach((node, n) => {
    if (node.kind !== 'decision') return;
    const at: PathKey[] = ['nodes', n];
    k.duplicates(node.choices, [...at, 'choices'], '选项');
    const choiceIds = new Set(node.choices.map((c) => c.id));
    if (node.timeLimitSec !== undefined && node.timeoutChoice === undefined) {
      k.error([...at, 'timeoutChoice'], '设了 timeLimitSec 却没有 timeoutChoice：写明限时用完时采取哪个选项。');
    }
    if (node.timeoutChoice !== undefined && !choiceIds.has(node.timeoutChoice)) {
      k.error([...at, 'timeoutChoice'], `超时选项「${node.timeoutChoice}」不是本节点的选项：改成本节点某个选项的 id。`);
    }
    if (node.timeoutChoice !== undefined && node.timeLimitSec === undefined) {
      k.warning(
        [...at, 'timeLimitSec'],
        '写了 timeoutChoice 却没有 timeLimitSec：不限时就不会超时，补上限时秒数或删去 timeoutChoice。',
      );
    }
    node.choices.forEach((choice, c) => {
      const cp: PathKey[] = [...at, 'choices', c];
      if (choice.timeoutOnly && choice.id !== node.timeoutChoice) {
        k.error([...cp, 'timeoutOnly'], '只在超时时采取的选项必须是本节点的 timeoutChoice，否则永远不会被采取。');
      }
      if (choice.when) k.condition(choice.when, [...cp, 'when']);
      k.effects(choice.effects, [...cp, 'effects']);
      k.measures(choice.world, [...cp, 'world']);
      choice.completes?.forEach((id, i) => {
        k.known('window', id, [...cp, 'completes', i]);
      });
      choice.score?.forEach((rule, i) => {
        k.refs(rule.refs, [...cp, 'score', i, 'refs']);
      });
      if (choice.power !== undefined) k.known('power', choice.power, [...cp, 'power']);
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
      branches.forEach((branch, b) => {
        const bp: PathKey[] = typeof choice.next === 'string' ? [...cp, 'next'] : [...cp, 'next', b, 'to'];
        if (branch.to === RETURN) {
          if (!opened.has(node.id)) {
            k.error(bp, '"$return" 只能用在插入事件打开的节点里：这里请写一个节点 id。');
          }
        } else if (!k.names.node.has(branch.to)) {
          k.error(bp, `去向节点「${branch.to}」不存在：改成已有节点的 id，或先添加这个节点。`);
        } else if (returning.has(branch.to) && !opened.has(node.id)) {
          k.error(bp, entered(branch.to));
        }
        if ('when' in branch && branch.when) k.condition(branch.when, [...cp, 'next', b, 'when']);
      });
      if (typeof choice.next !== 'string' && choice.next[choice.next.length - 1]?.when !== undefined) {
        k.error([...cp, 'next'], '去向列表的最后一条要不带 when，作为都不成立时的兜底。');
      }
    });
  });
}

/** Nodes from which some ending can be reached (following every branch, conditions not evaluated). */
function leadToAnEnding(s: Scenario): Set<string> {
  const into = new Map<string, string[]>();
  for (const n of s.nodes) {
    if (n.kind !== 'decision') continue;
    for (const c of n.choices) {
      for (const t of targets(c.next)) {
        // Pushed, not spread: an ending that thousands of choices lead to would otherwise cost quadratic time.
        const from = into.get(t);
        if (from) from.push(n.id);
        else into.set(t, [n.id]);
      }
    }
  }
  const returns = (n: Scenario['nodes'][number]) =>
    n.kind === 'decision' &&
    n.choices.some((c) => (typeof c.next === 'string' ? c.next === RETURN : c.next.some((b) => b.to === RETURN)));
  // Endings, and nodes that return to where an inject interrupted (which itself leads on).
  const good = new Set(s.nodes.filter((n) => n.kind === 'ending' || returns(n)).map((n) => n.id));
  const stack = [...good];
  while (stack.length > 0) {
    for (const from of into.get(stack.pop() as string) ?? []) {
      if (!good.has(from)) {
        good.add(from);
        stack.push(from);
      }
    }
  }
  return good;
}

/** Unreachable nodes, nodes with no way to an ending, and decisions that may offer nothing. */
function checkGraph(k: Checker, s: Scenario, reachable: ReadonlySet<string>): void {
  const ending = leadToAnEnding(s);
  // An inject may open a node that leads out; then a node with no way out of its own may still be left.
  const rescue = (s.injects ?? []).some((i) => i.opens !== undefined && ending.has(i.opens));
  s.nodes.forEach((node, n) => {
    if (!reachable.has(node.id)) {
      k.warning(
        ['nodes', n, 'id'],
        `${node.kind === 'ending' ? '结局' : '节点'}「${node.id}」从开局出发永远到不了：让某个选项的 next 指向它，或删去它。`,
      );
      return;
    }
    if (node.kind !== 'decision') return;
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
  });
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
  return k.problems;
}
