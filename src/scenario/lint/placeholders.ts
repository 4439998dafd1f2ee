/**
 * Placeholders in a drill's text (`{{time}}`, `{{var:ID}}`; engine/fill-text.ts): each names
 * something the drill can fill, and stands in a text that is filled. A title, a label, the
 * briefing and the summary are shown as written.
 */
import { placeholderNames, placeholdersIn } from '../../engine/fill-text';
import type { PathKey } from '../problem';
import type { LintContext } from './context';
import { didYouMean } from './did-you-mean';

const FILLED_IN = '决策节点和结局的 text、选项的 feedback、插入事件的 text、结局 details 的 text';

function checkFilled(context: LintContext, text: string, at: PathKey[], names: readonly string[]): void {
  for (const { name } of placeholdersIn(text)) {
    // A variable a text shows is read: the trainee sees it change.
    if (name.startsWith('var:')) context.readVars.add(name.slice(4));
    if (names.includes(name)) continue;
    const hint = name.startsWith('var:')
      ? `变量「${name.slice(4)}」没有声明：${didYouMean(
          name.slice(4),
          names.flatMap((n) => (n.startsWith('var:') ? [n.slice(4)] : [])),
        )}`
      : `${didYouMean(name, names)}`;
    context.error(
      at,
      `占位符 {{${name}}} 不认识：${hint}可用的有 {{time}}（日期和时间）、{{date}}、{{clock}}、{{day}}（第几天）和 {{var:变量id}}。`,
    );
  }
  const open = text.split('{{').length - 1;
  const closed = placeholdersIn(text).length;
  if (open > closed) {
    context.warning(at, '这段文字里有 {{ 没有配对的 }}：占位符写成 {{time}} 这样，两边各两个花括号，中间不换行。');
  }
}

function checkShownAsWritten(context: LintContext, text: string, at: PathKey[]): void {
  if (placeholdersIn(text).length === 0) return;
  context.warning(at, `这里的占位符不会被替换，学员会看到原样的 {{…}}：占位符只在${FILLED_IN}里替换。`);
}

export function checkPlaceholders(context: LintContext): void {
  const { scenario } = context;
  const names = placeholderNames(scenario);
  checkShownAsWritten(context, scenario.briefing, ['briefing']);
  checkShownAsWritten(context, scenario.summary, ['summary']);
  scenario.nodes.forEach((node, n) => {
    const at: PathKey[] = ['nodes', n];
    checkShownAsWritten(context, node.title, [...at, 'title']);
    checkFilled(context, node.text, [...at, 'text'], names);
    if (node.kind === 'ending') {
      node.details?.forEach((detail, d) => {
        checkFilled(context, detail.text, [...at, 'details', d, 'text'], names);
      });
      return;
    }
    node.choices.forEach((choice, c) => {
      checkShownAsWritten(context, choice.label, [...at, 'choices', c, 'label']);
      checkFilled(context, choice.feedback, [...at, 'choices', c, 'feedback'], names);
    });
  });
  scenario.injects?.forEach((inject, i) => {
    checkShownAsWritten(context, inject.title, ['injects', i, 'title']);
    checkFilled(context, inject.text, ['injects', i, 'text'], names);
  });
}
