/**
 * The drill as a graph, conditions not evaluated: an ending within reach of the start, every node
 * within reach, no node a trainee cannot leave for an ending, and no decision that may offer nothing.
 */
import { danglingNodes, idsLeadingToAnEnding, reachableIds } from '../graph';
import type { DecisionNode, ScenarioNode } from '../schema';
import type { LintContext } from './context';

export function checkReachability(context: LintContext): void {
  const { scenario } = context;
  // Without a start there is nothing to walk from, and `start` has been reported already.
  if (!context.startNode) return;
  const reachable = reachableIds(scenario);
  // Read by node index: a large drill has ten thousand nodes, and a set of their ids costs more than the walk.
  let endings = 0;
  let endingReached = false;
  for (let n = 0; n < scenario.nodes.length; n++) {
    if ((scenario.nodes[n] as ScenarioNode).kind !== 'ending') continue;
    endings++;
    if (!endingReached && reachable.hasNodeAt(n)) endingReached = true;
  }
  // With no ending reachable at all, one message says so; node by node would only repeat it. A
  // dangling next on the way may be where the ending was meant to be: its own error says so.
  const dangling = danglingNodes(scenario);
  // On a repaired view, a node some of whose choices were left out may have led on through them:
  // it is given the same benefit of the doubt as a dangling next.
  const cut = [...(context.leftOut?.choices.keys() ?? [])];
  for (const id of cut) dangling.add(id);
  if (!endingReached && ![...dangling].some((id) => reachable.has(id))) {
    context.error(
      ['nodes'],
      endings === 0
        ? '没有结局节点：至少添加一个 "kind": "ending" 的节点。'
        : '从开局节点出发到不了任何结局：检查各选项的 next，让至少一条路通向结局。',
    );
    return;
  }
  const ending = idsLeadingToAnEnding(scenario, cut);
  // An inject may open a node that leads out; then a node with no way out of its own may still be left.
  const rescue =
    (scenario.injects ?? []).some((i) => i.opens !== undefined && ending.has(i.opens)) ||
    (context.leftOut?.opens.size ?? 0) > 0;
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as ScenarioNode;
    if (!reachable.hasNodeAt(n)) {
      // A left-out part may be the way there.
      if (context.partial) continue;
      context.warning(
        ['nodes', n, 'id'],
        `${node.kind === 'ending' ? '结局' : '节点'}「${node.id}」从开局出发永远到不了：让某个选项的 next 指向它，或删去它。`,
      );
      continue;
    }
    if (node.kind !== 'decision') continue;
    if (!ending.hasNodeAt(n)) {
      if (rescue) {
        context.warning(
          ['nodes', n, 'id'],
          `从节点「${node.id}」出发，只有插入事件打开别的节点才能走向结局：确认这是有意的。`,
        );
      } else {
        context.error(['nodes', n, 'id'], `从节点「${node.id}」出发到不了任何结局，学员会被困住：让某个选项通向结局。`);
      }
    }
    // A timed decision always has its timeout choice to fall back on.
    const timed = node.timeLimitSec !== undefined && node.timeoutChoice !== undefined;
    const whole = !context.leftOut?.choices.has(node.id);
    if (whole && !timed && everyChoiceConditional(node)) {
      context.warning(
        ['nodes', n, 'choices'],
        `节点「${node.id}」的选项都带条件：条件都不成立时学员无从选择。给一个选项去掉 when，或设限时和超时选项。`,
      );
    }
  }
}

/** Whether every choice has a condition or is taken only on timeout (a loop: one closure a node adds up). */
function everyChoiceConditional(node: DecisionNode): boolean {
  for (let c = 0; c < node.choices.length; c++) {
    const choice = node.choices[c] as DecisionNode['choices'][number];
    if (!(choice.when !== undefined || choice.timeoutOnly)) return false;
  }
  return true;
}
