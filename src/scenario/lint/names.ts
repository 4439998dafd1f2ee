/**
 * The drill's own declarations, which every other rule's references lean on: ids said once,
 * variables within their ranges, time windows in order and citing what is declared, a start that
 * is a decision, and a start time that exists.
 */
import { parseDuration } from '../../engine/clock';
import { firstWithItsId } from '../graph';
import type { LintContext } from './context';
import { didYouMean } from './did-you-mean';

export function checkNames(context: LintContext): void {
  const { scenario } = context;
  // The graph's index already says which node first had each id.
  context.duplicates(scenario.nodes, ['nodes'], '节点', firstWithItsId(scenario));
  context.duplicates(scenario.variables, ['variables'], '变量');
  context.duplicates(scenario.references, ['references'], '依据');
  context.duplicates(scenario.timeWindows, ['timeWindows'], '时间窗');

  scenario.variables?.forEach((variable, i) => {
    if (variable.type !== 'number') return;
    if (variable.min > variable.max) {
      context.error(['variables', i, 'max'], `最大值 ${variable.max} 小于最小值 ${variable.min}：请对调或改正。`);
    } else if (variable.initial < variable.min || variable.initial > variable.max) {
      context.error(
        ['variables', i, 'initial'],
        `初始值 ${variable.initial} 不在范围 ${variable.min}–${variable.max} 内。`,
      );
    }
  });
  scenario.timeWindows?.forEach((timeWindow, i) => {
    if (parseDuration(timeWindow.ideal) > parseDuration(timeWindow.latest)) {
      context.error(
        ['timeWindows', i, 'latest'],
        `最迟时限 ${timeWindow.latest} 早于理想时限 ${timeWindow.ideal}：最迟时限应不早于理想时限。`,
      );
    }
    context.refs(timeWindow.refs, ['timeWindows', i, 'refs']);
  });

  // A start left out (or a start node left out) is not known to be wrong.
  const startLeftOut = context.leftOut?.start || context.leftOut?.ids.node.has(scenario.start);
  if (startLeftOut) {
    // The shape error, at `start` or at its node, says what is wrong.
  } else if (!context.startNode) {
    context.error(
      ['start'],
      `开局节点「${scenario.start}」不存在：${didYouMean(scenario.start, context.names.node)}start 要写成 nodes 中某个节点的 id。`,
    );
  } else if (context.startNode.kind === 'ending') {
    context.error(['start'], `开局节点「${scenario.start}」是结局：start 要指向一个决策节点。`);
  }
  if (!isRealDateTime(scenario.clockStart)) {
    context.error(
      ['clockStart'],
      `开局时间「${scenario.clockStart}」不是真实存在的日期时间：检查月份、日期（如 2 月没有 30 日）和时刻。`,
    );
  }
}

/** "2026-02-30T08:00" has the right shape but no such day. */
function isRealDateTime(text: string): boolean {
  const [year, month, day, hour, minute] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days && hour < 24 && minute < 60;
}
