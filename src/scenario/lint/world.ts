/**
 * The world a drill declares: regions, supplies, actors and travel that name what exists; an
 * epidemic that fits its regions; powers with holders, a basis, and a duty to report that a
 * trainee can meet; scoring weights that make sense; injects that can happen and do only what an
 * inject may.
 */
import { parseDuration } from '../../engine/clock';
import { inForce } from '../../engine/powers-in-force';
import { choiceFields, POWER, REPORTS } from '../choice-fields';
import type { PathKey } from '../problem';
import type { Condition, Inject } from '../schema';
import type { LintContext } from './context';

export function checkWorld(context: LintContext): void {
  const { scenario } = context;
  context.duplicates(scenario.regions, ['regions'], '地区');
  context.duplicates(scenario.supplies, ['supplies'], '物资');
  context.duplicates(scenario.actors, ['actors'], '主体');
  // A power may be declared once per range of law years; two entries in force together clash.
  context.duplicates(
    scenario.powers?.map((p, i) => ({ id: inForce(p, scenario.legalFramework) ? p.id : `\u0000${i}` })),
    ['powers'],
    '权力',
  );
  context.duplicates(scenario.injects, ['injects'], '插入事件');
  scenario.regions?.forEach((region, i) => {
    region.neighbours?.forEach((id, j) => {
      if (id === region.id) context.error(['regions', i, 'neighbours', j], '地区不能与自己相邻。');
      else context.known('region', id, ['regions', i, 'neighbours', j]);
    });
    for (const supply of Object.keys(region.supplies ?? {})) {
      context.known('supply', supply, ['regions', i, 'supplies', supply]);
    }
  });
  scenario.travel?.forEach((link, i) => {
    link.between.forEach((id, j) => {
      context.known('region', id, ['travel', i, 'between', j]);
    });
    if (link.between[0] === link.between[1]) context.error(['travel', i, 'between'], '往来的两端不能是同一个地区。');
  });
  if (scenario.epidemic && !context.hasRegions()) {
    context.error(['epidemic'], '有传染病模型就要声明 regions（地区）。');
  }
  scenario.epidemic?.initial.forEach((seed, i) => {
    if (!context.known('region', seed.region, ['epidemic', 'initial', i, 'region'])) return;
    const region = scenario.regions?.find((r) => r.id === seed.region);
    const seeded =
      (seed.exposed ?? 0) +
      (seed.infectious ?? 0) +
      (seed.hospitalised ?? 0) +
      (seed.recovered ?? 0) +
      (seed.dead ?? 0);
    if (region && seeded > region.population) {
      context.error(
        ['epidemic', 'initial', i],
        `开局感染情况合计 ${seeded} 人，超过了${region.name}的人口 ${region.population}。`,
      );
    }
  });
  checkPowers(context);
  if (scenario.roleActor !== undefined) context.known('actor', scenario.roleActor, ['roleActor']);
  if (scenario.roleRegion !== undefined) context.known('region', scenario.roleRegion, ['roleRegion']);
  if (scenario.powers?.length && scenario.roleActor === undefined) {
    context.error(['roleActor'], '声明了 powers 就要写明 roleActor（学员代表哪个主体），才能判断是否越权。');
  }
  context.refs(scenario.scoring?.timeoutRefs, ['scoring', 'timeoutRefs']);
  const outcomeWeight = scenario.scoring?.rules?.outcome?.delta;
  if (outcomeWeight !== undefined && outcomeWeight < 0) {
    context.error(
      ['scoring', 'rules', 'outcome', 'delta'],
      'outcome 是因迟滞扣分的最高分值，要写正数（如 30）；负数会奖励拖延。',
    );
  }
  for (const [rule, weight] of Object.entries(scenario.scoring?.rules ?? {})) {
    context.refs(weight?.refs, ['scoring', 'rules', rule, 'refs']);
  }
  checkInjects(context);
}

/** Each power's years, holders and basis, and the duty to report. */
function checkPowers(context: LintContext): void {
  const { scenario } = context;
  const exercised = new Set<string>();
  const reported = new Set<string>();
  // Indexed loops, and no empty list for a choice without reports: tens of thousands of choices.
  const fields = choiceFields(scenario);
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as (typeof scenario.nodes)[number];
    if (node.kind !== 'decision') continue;
    const first = fields.start[n] as number;
    for (let c = 0; c < node.choices.length; c++) {
      const has = fields.bits[first + c] as number;
      if ((has & (POWER | REPORTS)) === 0) continue;
      const choice = node.choices[c] as (typeof node.choices)[number];
      if (choice.power !== undefined) exercised.add(choice.power);
      const reports = choice.reports;
      if (reports) for (let r = 0; r < reports.length; r++) reported.add(reports[r] as string);
    }
  }
  scenario.powers?.forEach((power, i) => {
    if (power.from !== undefined && power.until !== undefined && power.from >= power.until) {
      context.error(['powers', i, 'until'], `until（${power.until}）要晚于 from（${power.from}）。`);
    }
    power.holders.forEach((id, j) => {
      context.known('actor', id, ['powers', i, 'holders', j]);
    });
    if (power.report) {
      context.known('actor', power.report.to, ['powers', i, 'report', 'to']);
      context.refs(power.report.refs, ['powers', i, 'report', 'refs']);
      // Only a duty that falls on the trainee, under this drill's law, and that a choice incurs.
      const binds = scenario.roleActor !== undefined && power.holders.includes(scenario.roleActor);
      // A choice left out of a repaired view may be the one that reports.
      const known = !context.partial;
      if (
        known &&
        binds &&
        inForce(power, scenario.legalFramework) &&
        !reported.has(power.id) &&
        exercised.has(power.id)
      ) {
        context.warning(
          ['powers', i, 'report'],
          `「${power.name}」行使后须报告，但没有哪个选项报告它：学员无从履行报告义务，行使了就必然扣分。在报告的选项上写 "reports": ["${power.id}"]。`,
        );
      }
    }
    context.refs(power.basis, ['powers', i, 'basis']);
    if (power.basis.length === 0) {
      context.warning(['powers', i, 'basis'], `权力「${power.name}」没有写法律依据：在 basis 里引用条文。`);
    }
  });
}

function checkInjects(context: LintContext): void {
  const { scenario } = context;
  scenario.injects?.forEach((inject, i) => {
    const at: PathKey[] = ['injects', i];
    if (inject.at === undefined && inject.when === undefined) {
      context.error(at, '插入事件要写 at（何时发生）或 when（什么条件下发生），或两者都写。');
    }
    if (inject.when) context.condition(inject.when, [...at, 'when']);
    context.effects(inject.effects, [...at, 'effects']);
    context.measures(inject.world, [...at, 'world']);
    inject.world?.forEach((measure, j) => {
      if (measure.type === 'roads' && measure.from === undefined) {
        context.error([...at, 'world', j, 'from'], '插入事件关闭或恢复道路时要写明 from（是哪个地区）。');
      }
      if (measure.type === 'intercept' && measure.by === undefined) {
        context.error(
          [...at, 'world', j, 'by'],
          '插入事件截留物资要写明 by（哪个地区截留，物资归它），它须是这批物资的发出地区或途经地区；学员的截留写在选项的 world 里。',
        );
      }
    });
    if (inject.decides) checkDecides(context, inject, at);
    if (inject.opens !== undefined && context.known('node', inject.opens, [...at, 'opens'])) {
      const opened = scenario.nodes.find((n) => n.id === inject.opens);
      // A node left out of a repaired view is known only by its id.
      if (opened ? opened.kind !== 'decision' : !context.leftOut?.ids.node.has(inject.opens)) {
        context.error([...at, 'opens'], `插入事件只能打开决策节点，「${inject.opens}」是结局。`);
      }
      // The run looks for opened nodes between decisions, so minute 0 is only seen after the first.
      if (inject.at !== undefined && parseDuration(inject.at) === 0) {
        context.warning(
          [...at, 'at'],
          '开局时刻的插入事件要等第一个决定之后才会打开节点：如想一开始就出现，把这个节点设为 start。',
        );
      }
    }
  });
}

/** Whether `condition` requires a request for `power` to be waiting (itself, or as one of an `all`). */
function requiresRequest(condition: Condition | undefined, power: string): boolean {
  if (condition === undefined) return false;
  if ('requested' in condition) return condition.requested === power;
  if ('all' in condition) return condition.all.some((c) => requiresRequest(c, power));
  return false;
}

/**
 * An inject that answers a request: for a declared power that some choice requests, and not
 * before it is requested, or the answer falls on no request and is spent.
 */
function checkDecides(context: LintContext, inject: Inject, at: PathKey[]): void {
  const decides = inject.decides;
  if (!decides || !context.known('power', decides.power, [...at, 'decides', 'power'])) return;
  const requested = context.scenario.nodes.some(
    (n) => n.kind === 'decision' && n.choices.some((c) => c.requests?.power === decides.power),
  );
  if (!requested) {
    context.warning(
      [...at, 'decides'],
      `没有哪个选项请求「${decides.power}」（requests），这个答复无从落下：删去 decides，或给请求它的选项写上 requests。`,
    );
  } else if (!requiresRequest(inject.when, decides.power)) {
    context.warning(
      inject.when ? [...at, 'when'] : [...at, 'decides'],
      `答复可能在学员请求之前就发生，落空后不会再来：在 when 里写上 {"requested": "${decides.power}"}（可与其他条件合写在 all 里）。`,
    );
  }
}
