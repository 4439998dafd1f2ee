/**
 * What fits on the decision screen without scrolling: the node's title, its situation text and the
 * choices offered, each with its number key. The shipped drills stay well inside these limits
 * (their longest text is about 430 characters, their longest label about 85, at most 4 choices).
 */

import { shownLength } from '../../engine/fill-text';
import { choiceFields, TIMEOUT_ONLY } from '../choice-fields';
import type { PathKey } from '../problem';
import type { ScenarioNode } from '../schema';
import type { LintContext } from './context';

/** Characters of a decision's situation text. */
export const MAX_SITUATION_CHARS = 600;
/** Characters of one choice's label. */
export const MAX_CHOICE_LABEL_CHARS = 90;
/** Choices that may be offered at once (number keys reach nine; more than six is hard to weigh under a clock). */
export const MAX_CHOICES_SHOWN = 6;
/** Characters of title, text and every label offered, together. */
export const MAX_DECISION_SCREEN_CHARS = 900;

/** Decisions whose text and choices would not fit on the decision screen. */
export function checkScreen(context: LintContext): void {
  const { scenario } = context;
  const split = '把它拆成两个节点（先交代情况、再作决定，或把决定分成两步）';
  const fields = choiceFields(scenario);
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as ScenarioNode;
    if (node.kind !== 'decision') continue;
    const at: PathKey[] = ['nodes', n];
    // A choice taken only on timeout is never shown. (Plain loops: a large drill has thousands of decisions.)
    let shownCount = 0;
    let shownLabels = 0;
    const first = fields.start[n] as number;
    for (let i = 0; i < node.choices.length; i++) {
      const c = node.choices[i] as (typeof node.choices)[number];
      if (((fields.bits[first + i] as number) & TIMEOUT_ONLY) !== 0 && c.timeoutOnly) continue;
      shownCount++;
      shownLabels += c.label.length;
    }
    // One warning a decision: the sum is only news when no part is too long by itself.
    let over = false;
    const textLength = shownLength(node.text, scenario);
    if (textLength > MAX_SITUATION_CHARS) {
      over = true;
      context.warning(
        [...at, 'text'],
        `节点「${node.id}」的情况说明有 ${textLength} 个字${node.text.includes('{{') ? '（占位符按最长的填法计）' : ''}，决策页面最多放 ${MAX_SITUATION_CHARS} 个字，学员要滚动才能看到选项：${split}，或删减文字。`,
      );
    }
    for (let i = 0; i < node.choices.length; i++) {
      const choice = node.choices[i] as (typeof node.choices)[number];
      if (choice.label.length <= MAX_CHOICE_LABEL_CHARS || choice.timeoutOnly) continue;
      over = true;
      context.warning(
        [...at, 'choices', i, 'label'],
        `选项「${choice.id}」的文字有 ${choice.label.length} 个字，超过决策页面每个选项的 ${MAX_CHOICE_LABEL_CHARS} 字：选项只写决定本身，说明放进节点的情况说明或 feedback。`,
      );
    }
    if (shownCount > MAX_CHOICES_SHOWN) {
      over = true;
      context.warning(
        [...at, 'choices'],
        `节点「${node.id}」可能同时显示 ${shownCount} 个选项，决策页面最多放 ${MAX_CHOICES_SHOWN} 个：合并相近的选项，或${split}。`,
      );
    }
    const total = node.title.length + textLength + shownLabels;
    if (!over && total > MAX_DECISION_SCREEN_CHARS) {
      context.warning(
        at,
        `节点「${node.id}」的标题、情况说明和选项合计 ${total} 个字，超过决策页面的 ${MAX_DECISION_SCREEN_CHARS} 字，学员要滚动才能看全：${split}，或删减文字。`,
      );
    }
  }
}
