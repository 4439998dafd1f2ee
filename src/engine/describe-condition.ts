/** A condition as the trainee should read it in a reason, with the values the world had then. */
import type { Condition, Metric, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { type ConditionContext, conditionKind } from './conditions';
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

export function describeCondition(scenario: Scenario, c: Condition, ctx: ConditionContext): string {
  const kind = conditionKind(c);
  switch (kind) {
    case 'all':
      return (c as { all: Condition[] }).all.map((x) => describeCondition(scenario, x, ctx)).join('，且');
    case 'any':
      return (c as { any: Condition[] }).any.map((x) => describeCondition(scenario, x, ctx)).join('，或');
    case 'not':
      return `并非（${describeCondition(scenario, (c as { not: Condition }).not, ctx)}）`;
    case 'var': {
      const v = c as Extract<Condition, { var: string }>;
      const label = scenario.variables?.find((x) => x.id === v.var)?.label ?? v.var;
      return `${label}为 ${String(ctx.vars[v.var])}（要求 ${OP[v.op]} ${String(v.value)}）`;
    }
    case 'metric': {
      const m = c as Extract<Condition, { metric: Metric }>;
      const where = m.region ? findName(scenario, 'region', m.region) : m.metric === 'responseLevel' ? '' : '各地合计';
      const what =
        m.metric === 'supply'
          ? `${findName(scenario, 'supply', m.supply ?? '')}${METRIC_LABEL.supply}`
          : METRIC_LABEL[m.metric];
      const now = ctx.metric?.(m.metric, m.region, m.supply) ?? 0;
      const shown = m.metric === 'responseLevel' && now === 0 ? '未启动' : String(now);
      return `${where}${what}为 ${shown}（要求 ${OP[m.op]} ${m.value}）`;
    }
    case 'authorised':
      return `已依法取得“${scenario.powers?.find((p) => p.id === (c as { authorised: string }).authorised)?.name ?? ''}”的权限`;
    case 'before':
      return `开局后 ${formatDuration(parseDuration((c as { before: string }).before))} 之前`;
    case 'after':
      return `开局后 ${formatDuration(parseDuration((c as { after: string }).after))} 之后`;
    case 'visited':
      return `已经历“${scenario.nodes.find((n) => n.id === (c as { visited: string }).visited)?.title ?? ''}”`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
