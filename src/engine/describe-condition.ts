/** A condition as the trainee should read it in a reason, with the values the world had then. */
import type { Condition, Metric, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { type ConditionContext, type ConditionHandlers, matchCondition } from './conditions';
import { findName } from './names';
import { formatDuration } from './scoring';

const METRIC_LABEL: Record<Metric, string> = {
  cases: '累计感染',
  deaths: '死亡',
  infectious: '现有传染者',
  hospitalised: '住院',
  bedsFree: '空余床位',
  trust: '公众信任',
  supply: '库存',
  responseLevel: '应急响应级别',
  violations: '越权次数',
};

const OP: Record<string, string> = { '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

interface Reading {
  scenario: Scenario;
  ctx: ConditionContext;
}

const DESCRIBE: ConditionHandlers<string, Reading> = {
  all: (c, { scenario, ctx }) => c.all.map((x) => describeCondition(scenario, x, ctx)).join('，且'),
  any: (c, { scenario, ctx }) => c.any.map((x) => describeCondition(scenario, x, ctx)).join('，或'),
  not: (c, { scenario, ctx }) => `并非（${describeCondition(scenario, c.not, ctx)}）`,
  var: (c, { scenario, ctx }) => {
    const label = scenario.variables?.find((x) => x.id === c.var)?.label ?? c.var;
    return `${label}为 ${String(ctx.vars[c.var])}（要求 ${OP[c.op]} ${String(c.value)}）`;
  },
  metric: (c, { scenario, ctx }) => {
    // Without a region the quantity is the whole world's; the response level belongs to no region.
    const where = c.region ? findName(scenario, 'region', c.region) : c.metric === 'responseLevel' ? '' : '各地合计';
    const what =
      c.metric === 'supply'
        ? `${findName(scenario, 'supply', c.supply ?? '')}${METRIC_LABEL.supply}`
        : METRIC_LABEL[c.metric];
    const now = ctx.metric?.(c.metric, c.region, c.supply) ?? 0;
    const shown = c.metric === 'responseLevel' && now === 0 ? '未启动' : String(now);
    return `${where}${what}为 ${shown}（要求 ${OP[c.op]} ${c.value}）`;
  },
  authorised: (c, { scenario }) =>
    `已依法取得“${scenario.powers?.find((p) => p.id === c.authorised)?.name ?? ''}”的权限`,
  requested: (c, { scenario }) =>
    `已请求“${scenario.powers?.find((p) => p.id === c.requested)?.name ?? c.requested}”、尚未得到答复`,
  before: (c) => `开局后 ${formatDuration(parseDuration(c.before))} 之前`,
  after: (c) => `开局后 ${formatDuration(parseDuration(c.after))} 之后`,
  visited: (c, { scenario }) => `已经历“${scenario.nodes.find((n) => n.id === c.visited)?.title ?? ''}”`,
};

export function describeCondition(scenario: Scenario, c: Condition, ctx: ConditionContext): string {
  return matchCondition(c, DESCRIBE, { scenario, ctx });
}
