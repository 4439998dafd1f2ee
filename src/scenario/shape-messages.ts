/** Turns valibot's issues into Problems with Chinese messages that say how to fix the file. */
import type * as v from 'valibot';
import { error, type PathKey, type Problem } from './problem';

const TYPE_NAMES: Record<string, string> = {
  string: '文字（带引号的字符串）',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表 [ … ]',
  object: '对象 { … }',
  strict_object: '对象 { … }',
  literal: '固定的值',
  tuple: '固定个数的列表 [ … ]',
  strict_tuple: '固定个数的列表 [ … ]',
  record: '对象 { 名称: 值, … }',
};

const HAN = /[\u4e00-\u9fff]/;

const RECEIVED_NAMES: Record<string, string> = {
  Object: '一个对象 { … }',
  Array: '一个列表 [ … ]',
  null: 'null',
  undefined: '空缺',
  true: 'true',
  false: 'false',
};

/** valibot's "received" is JSON-ish ("\"x\"", "5") or a class name ("Object"): say it in Chinese. */
function received(issue: v.BaseIssue<unknown>): string {
  return RECEIVED_NAMES[issue.received] ?? issue.received;
}

function keyOf(path: readonly PathKey[]): string {
  return String(path[path.length - 1] ?? '');
}

function messageFor(issue: v.BaseIssue<unknown>, path: readonly PathKey[]): string {
  // Our own messages are Chinese; valibot's defaults start "Invalid …" (and may quote Chinese input).
  if (HAN.test(issue.message) && !/^Invalid /.test(issue.message)) return issue.message;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return `不认识的字段「${keyOf(path)}」：检查拼写，或删去它。`;
      if (issue.received === 'undefined') return `缺少必填字段「${keyOf(path)}」：请补上。`;
      return `应为${TYPE_NAMES.object}，实际是 ${received(issue)}。`;
    case 'integer':
      return `应为整数，实际是 ${received(issue)}。`;
    case 'min_value':
      return `不能小于 ${String(issue.expected).replace(/^>=/, '')}，实际是 ${received(issue)}。`;
    case 'max_value':
      return `不能大于 ${String(issue.expected).replace(/^<=/, '')}，实际是 ${received(issue)}。`;
    case 'min_length':
      return `太短：至少要 ${String(issue.expected).replace(/^>=/, '')} 个，实际是 ${received(issue)}。`;
    case 'max_length':
      return `太长：最多 ${String(issue.expected).replace(/^<=/, '')} 个，实际是 ${received(issue)}。`;
    case 'literal':
      return `这里只能写 ${issue.expected}，实际是 ${received(issue)}。`;
    case 'union':
    case 'variant':
      return `写法不对：不符合这里允许的任何一种形式，实际是 ${received(issue)}。`;
    case 'picklist':
      return `只能是 ${String(issue.expected).replace(/^\((.*)\)$/, '$1')} 之一，实际是 ${received(issue)}。`;
    case 'regex':
      return `格式不对，实际是 ${received(issue)}。`;
    default: {
      const name = TYPE_NAMES[issue.type];
      if (name && issue.kind === 'schema') {
        return issue.received === 'undefined'
          ? `缺少必填字段「${keyOf(path)}」：应为${name}。`
          : `应为${name}，实际是 ${received(issue)}。`;
      }
      // Whatever valibot checked that we have not named: say what it wanted, in its own notation.
      return `值不符合要求：应为 ${issue.expected ?? '另一种写法'}，实际是 ${received(issue)}。`;
    }
  }
}

export function shapeProblems(issues: readonly v.BaseIssue<unknown>[]): Problem[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as PathKey);
    return error(path, messageFor(issue, path));
  });
}
