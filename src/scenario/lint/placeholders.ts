/**
 * Placeholders (`{{time}}`, `{{var:ID}}` …, engine/fill-text.ts): one the drill does not know, one
 * in a field that is never filled (a title, a label: the trainee would read the braces), and a
 * `{{` left open. Runs before the unused check: a variable a text shows is a variable in use.
 */
import { placeholdersIn, TIME_PLACEHOLDERS, VAR_PREFIX } from '../../engine/fill-text';
import type { PathKey } from '../problem';
import type { LintContext } from './context';
import { didYouMean } from './did-you-mean';

const ALL_NAMES = `{{${TIME_PLACEHOLDERS.join('}}、{{')}}} 和 {{${VAR_PREFIX}变量id}}`;
/** Where a placeholder is filled, in the guide's words. */
export const WHERE_FILLED = '决策节点和结局的 text、选项的 feedback、插入事件的 text、结局段落（details）的 text';

/**
 * Every field whose placeholders are filled, checked, its path built only for a text that has a
 * placeholder in it: a large drill has tens of thousands of these fields and almost none have one.
 */
function checkAllFilled(context: LintContext): void {
  const nodes = context.scenario.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as (typeof nodes)[number];
    if (node.text.includes('{{')) checkFilled(context, node.text, ['nodes', n, 'text']);
    if (node.kind === 'decision') {
      const choices = node.choices;
      for (let c = 0; c < choices.length; c++) {
        const text = (choices[c] as (typeof choices)[number]).feedback;
        if (text.includes('{{')) checkFilled(context, text, ['nodes', n, 'choices', c, 'feedback']);
      }
    } else {
      const details = node.details ?? [];
      for (let d = 0; d < details.length; d++) {
        const text = (details[d] as (typeof details)[number]).text;
        if (text.includes('{{')) checkFilled(context, text, ['nodes', n, 'details', d, 'text']);
      }
    }
  }
  const injects = context.scenario.injects ?? [];
  for (let i = 0; i < injects.length; i++) {
    const text = (injects[i] as (typeof injects)[number]).text;
    if (text.includes('{{')) checkFilled(context, text, ['injects', i, 'text']);
  }
}

/** Whether `path` is one of the fields checkAllFilled checks: the same rule, read from the path. */
function isFilled(scenario: LintContext['scenario'], path: readonly PathKey[]): boolean {
  const [top, i, field, j, leaf] = path;
  if (typeof i !== 'number') return false;
  if (top === 'injects') return path.length === 3 && field === 'text' && i < (scenario.injects?.length ?? 0);
  if (top !== 'nodes') return false;
  const node = scenario.nodes[i];
  if (!node) return false;
  if (path.length === 3) return field === 'text';
  if (path.length !== 5 || typeof j !== 'number') return false;
  if (node.kind === 'decision') return field === 'choices' && leaf === 'feedback' && j < node.choices.length;
  return field === 'details' && leaf === 'text' && j < (node.details?.length ?? 0);
}

/** A `{{` with no `}}` to close it, once the placeholders are taken out. */
function leftOpen(text: string): boolean {
  return text.replace(/\{\{[^{}]*\}\}/g, '').includes('{{');
}

const sortedLetters = (s: string) => [...s.toLowerCase()].sort().join('');

/** The placeholder an unknown one was probably meant to be: a time's with letters swapped, or a variable's without "var:". */
function guessFor(context: LintContext, name: string): string {
  const swapped = TIME_PLACEHOLDERS.find((t) => sortedLetters(t) === sortedLetters(name));
  if (swapped) return `是不是「{{${swapped}}}」？`;
  if (context.vars.has(name)) return `是不是「{{${VAR_PREFIX}${name}}}」？`;
  const near = didYouMean(name, TIME_PLACEHOLDERS);
  return near.replace(/「(.+)」/, '「{{$1}}」');
}

function checkFilled(context: LintContext, text: string, path: PathKey[]): void {
  for (const { name } of placeholdersIn(text)) {
    if ((TIME_PLACEHOLDERS as readonly string[]).includes(name)) continue;
    const trimmed = name.trim();
    if (trimmed.startsWith(VAR_PREFIX)) {
      const id = trimmed.slice(VAR_PREFIX.length).trim();
      if (context.vars.has(id) && name === `${VAR_PREFIX}${id}`) {
        context.readVars.add(id);
        continue;
      }
      if (context.vars.has(id)) {
        context.error(path, `占位符「{{${name}}}」里不能有空格：写成「{{${VAR_PREFIX}${id}}}」。`);
        continue;
      }
      context.error(
        path,
        `占位符「{{${name}}}」里的变量「${id}」没有声明：${didYouMean(id, context.vars.keys())}改成 variables 里已声明的变量 id。`,
      );
      continue;
    }
    context.error(path, `「{{${name}}}」不是占位符：${guessFor(context, trimmed)}占位符只有 ${ALL_NAMES}。`);
  }
  if (leftOpen(text)) {
    context.warning(
      path,
      `这段文字里有「{{」没有配对的「}}」，会原样显示给学员：占位符写成 {{time}} 这样，或删去多余的花括号。`,
    );
  }
}

/**
 * Every string in the drill outside the fields filled: a placeholder there is shown as written.
 * Walks the whole file, so it stays lean: one call for each object or array, not for each value
 * (most values are strings looked into in place), and `path` is one stack, pushed and popped,
 * copied only for a string that has a placeholder.
 */
function checkUnfilled(context: LintContext, value: object, path: PathKey[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (typeof x === 'string') {
        if (x.includes('{{')) unfilled(context, x, path, i);
      } else if (x !== null && typeof x === 'object') {
        path.push(i);
        checkUnfilled(context, x, path);
        path.pop();
      }
    }
    return;
  }
  for (const key in value) {
    if (key === '$comment' || !Object.hasOwn(value, key)) continue;
    const x: unknown = (value as Record<string, unknown>)[key];
    if (typeof x === 'string') {
      if (x.includes('{{')) unfilled(context, x, path, key);
    } else if (x !== null && typeof x === 'object') {
      path.push(key);
      checkUnfilled(context, x, path);
      path.pop();
    }
  }
}

/** A string with `{{` at `key` under `path`: an error when it has a placeholder and is not filled there. */
function unfilled(context: LintContext, x: string, path: PathKey[], key: PathKey): void {
  const found = placeholdersIn(x)[0];
  if (!found) return;
  path.push(key);
  if (!isFilled(context.scenario, path)) {
    context.error(
      [...path],
      `这里的「{{${found.name}}}」不会被替换，学员会看到花括号：占位符只在${WHERE_FILLED}里起作用，标题、选项文字和名称里请直接写出内容。`,
    );
  }
  path.pop();
}

export function checkPlaceholders(context: LintContext): void {
  checkAllFilled(context);
  checkUnfilled(context, context.scenario, []);
}
