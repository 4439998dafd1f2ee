import { describe, expect, it } from 'vitest';
import { firstDifference, nearestPassage } from './nearest-passage';

const passages = [
  { text: '县级以上地方人民政府采取前款规定的紧急措施，应当同时向上一级人民政府报告。' },
  { text: '必要时，国务院或者国务院授权的部门可以决定在全国或者部分区域采取本条第一款规定的紧急措施。' },
];

describe('nearestPassage', () => {
  it('finds the passage a mistyped quote came from, and where it starts in it', () => {
    const near = nearestPassage('采取前款规定的紧急措施，应当立即向上一级人民政府报告', passages);
    expect(near?.passage).toBe(passages[0]);
    expect(near?.offset).toBe(10);
  });

  it('aligns a quote that starts before the passage at a negative offset', () => {
    expect(nearestPassage('另外，必要时，国务院或者国务院授权的部门', passages)?.offset).toBe(-3);
  });

  it('prefers the longest run over scattered common words', () => {
    const near = nearestPassage('国务院授权的部门可以决定在全国采取', [
      { text: '国务院、国务院、部门、部门、决定、决定、采取、采取' },
      ...passages,
    ]);
    expect(near?.passage).toBe(passages[1]);
  });

  it('finds nothing near for words only a few common pairs share', () => {
    expect(nearestPassage('人民群众的生活保障和物价稳定', passages)).toBeNull();
    expect(nearestPassage('', passages)).toBeNull();
  });

  it('matches a one-character quote by its character', () => {
    expect(nearestPassage('报', passages)?.passage).toBe(passages[0]);
  });
});

describe('firstDifference', () => {
  it('finds the first character that differs at the alignment', () => {
    expect(firstDifference('应当立即', '应当同时向上', 0)).toEqual({ at: 2, quoteChar: '立', sourceChar: '同' });
  });

  it('has no source character before the source starts or after it ends', () => {
    expect(firstDifference('另外必要时', '必要时', -2)).toEqual({ at: 0, quoteChar: '另', sourceChar: null });
    expect(firstDifference('必要时，', '必要时', 0)).toEqual({ at: 3, quoteChar: '，', sourceChar: null });
  });

  it('is null where the quote stands', () => {
    expect(firstDifference('要时', '必要时', 1)).toBeNull();
  });
});
