/**
 * A node's `at` works where the run moves to the node by a choice's `next`: the start is met at
 * minute 0, and a node only an inject opens is met when the inject fires. Elsewhere it does
 * nothing, and the author should know.
 */
import { parseDuration } from '../../engine/clock';
import { targets } from '../../engine/next';
import type { LintContext } from './context';

export function checkAt(context: LintContext): void {
  const { scenario } = context;
  // Built only when some node has an `at` to judge: most drills have none.
  let ledTo: Set<string> | undefined;
  const ledToNow = () => {
    if (ledTo) return ledTo;
    ledTo = new Set<string>();
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      for (const choice of node.choices) for (const id of targets(choice.next)) ledTo.add(id);
    }
    return ledTo;
  };
  // A plain loop: a callback made for each lint is optimised again in each, over ten thousand nodes.
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as (typeof scenario.nodes)[number];
    if (node.kind !== 'decision' || node.at === undefined || parseDuration(node.at) === 0) continue;
    if (node.id === scenario.start) {
      context.warning(
        ['nodes', n, 'at'],
        '开局节点在开局那一刻出现，它的 at 不起作用：删去 at，或把 clockStart 改到这个局面出现的时刻。',
      );
    } else if (!ledToNow().has(node.id) && (scenario.injects ?? []).some((i) => i.opens === node.id)) {
      context.warning(
        ['nodes', n, 'at'],
        `节点「${node.id}」只由插入事件打开，在事件发生时出现，它的 at 不起作用：删去 at，或给插入事件写 at。`,
      );
    }
  }
}
