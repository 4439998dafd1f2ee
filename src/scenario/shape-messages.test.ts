import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { shapeProblems } from './shape-messages';

const HAN = /[\u4e00-\u9fff]/;
const problems = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  return result.success ? [] : shapeProblems(result.issues);
};

describe('shapeProblems', () => {
  it.each([
    ['a tuple', v.tuple([v.string(), v.string()]), 'x', '应为固定个数的列表 [ … ]'],
    ['a record', v.record(v.string(), v.number()), 5, '应为对象 { 名称: 值, … }'],
    ['a union with no message of its own', v.union([v.string(), v.number()]), true, '写法不对'],
    ['a picklist with no message of its own', v.picklist(['a', 'b']), 'c', '只能是 "a" | "b" 之一'],
    ['a regex with no message of its own', v.pipe(v.string(), v.regex(/^x$/)), 'y', '格式不对'],
    ['a check valibot has and we do not name', v.pipe(v.string(), v.email()), 'y', '值不符合要求'],
  ])('says %s in Chinese, with no English from valibot', (_, schema, input, words) => {
    const [problem] = problems(schema as v.GenericSchema, input);
    expect(problem?.message).toContain(words);
    expect(problem?.message).toMatch(HAN);
    expect(problem?.message).not.toMatch(/Invalid|Expected|Received/);
  });

  it('keeps our own Chinese message where the schema gives one', () => {
    expect(problems(v.pipe(v.number(), v.minValue(1, '至少为 1')), 0)[0]?.message).toBe('至少为 1');
  });
});
