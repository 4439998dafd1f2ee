/**
 * The in-game time and a variable's value in a drill's text: `{{time}}`, `{{date}}`, `{{clock}}`,
 * `{{day}}` and `{{var:ID}}`, filled at the moment the text belongs to (a node's text when the
 * node is met, a choice's feedback when the decision is done, an inject's text when it fired, an
 * ending's at the end). The result is plain text: React escapes it, nothing is read as markup.
 */
import type { Scenario, Variable } from '../scenario/schema';
import { gameDateTime } from './clock';
import type { VarValue } from './types';

/** What a text is filled from: the clock and the variables at its moment. */
export interface TextMoment {
  clock: number;
  vars: Readonly<Record<string, VarValue>>;
}

/** `{{ name }}`: no braces inside, spaces around the name allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const TIME_PLACEHOLDERS = ['time', 'date', 'clock', 'day'] as const;
export const VAR_PREFIX = 'var:';

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since the start day, counting the start day as day 1. */
function dayOfDrill(clockStart: string, clock: number): number {
  const start = gameDateTime(clockStart, 0);
  const startOfDay = start.hour * 60 + start.minute;
  return Math.floor((startOfDay + clock) / 1440) + 1;
}

/** A variable's value as the status board shows it: a number with its unit, a flag as 是/否. */
export function formatVariable(variable: Variable | undefined, value: VarValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const unit = variable?.type === 'number' && variable.unit ? ` ${variable.unit}` : '';
  return `${value}${unit}`;
}

function fill(name: string, scenario: Scenario, moment: TextMoment): string | null {
  const t = gameDateTime(scenario.clockStart, moment.clock);
  switch (name) {
    case 'time':
      return `${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`;
    case 'date':
      return `${t.month}月${t.day}日`;
    case 'clock':
      return `${pad(t.hour)}:${pad(t.minute)}`;
    case 'day':
      return `第 ${dayOfDrill(scenario.clockStart, moment.clock)} 天`;
    default: {
      if (!name.startsWith(VAR_PREFIX)) return null;
      const id = name.slice(VAR_PREFIX.length);
      const variable = scenario.variables?.find((v) => v.id === id);
      return variable ? formatVariable(variable, moment.vars[id]) : null;
    }
  }
}

/** `text` with its placeholders filled for `moment`; one the drill cannot fill is left as written. */
export function fillText(text: string, scenario: Scenario, moment: TextMoment): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => fill(name, scenario, moment) ?? whole);
}

/** The placeholders written in `text`, by name, with where each starts. */
export function placeholdersIn(text: string): { name: string; index: number }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', index: m.index ?? 0 }));
}

/** Every name a placeholder may have in `scenario`: the time forms and `var:` each variable. */
export function placeholderNames(scenario: Scenario): string[] {
  return [...TIME_PLACEHOLDERS, ...(scenario.variables ?? []).map((v) => `${VAR_PREFIX}${v.id}`)];
}

/** The most characters `name` can fill in, for the screen-size check. */
export function longestFill(name: string, scenario: Scenario): number {
  switch (name) {
    case 'time':
      return '12月31日 23:59'.length;
    case 'date':
      return '12月31日'.length;
    case 'clock':
      return '23:59'.length;
    case 'day':
      return '第 999 天'.length;
    default: {
      const variable = scenario.variables?.find((v) => `${VAR_PREFIX}${v.id}` === name);
      if (!variable) return name.length + 4;
      if (variable.type === 'boolean') return 1;
      const digits = Math.max(String(variable.min).length, String(variable.max).length);
      return digits + (variable.unit ? variable.unit.length + 1 : 0);
    }
  }
}

/** `text`'s length as the trainee may see it: each placeholder at its longest. */
export function shownLength(text: string, scenario: Scenario): number {
  if (!text.includes('{{')) return text.length;
  let length = text.length;
  for (const m of text.matchAll(PLACEHOLDER)) length += longestFill(m[1] ?? '', scenario) - m[0].length;
  return length;
}
