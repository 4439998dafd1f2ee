import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseChineseNumeral } from './chinese-numerals';
import { articleNumber, formatCitation, parseCitation } from './citation';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十六', 16],
    ['二十', 20],
    ['四十五', 45],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十一', 111],
    ['63', 63],
  ])('reads %s as %i', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it('writes 1 to 999 back as the laws do', () => {
    for (let n = 1; n < 1000; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect([16, 20, 101, 111, 110].map(chineseNumeral)).toEqual(['十六', '二十', '一百零一', '一百一十一', '一百一十']);
  });

  it('reads nothing else', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('第一')).toBeNull();
    expect(parseChineseNumeral('零')).toBeNull();
  });
});

describe('parseCitation', () => {
  it.each([
    ['第六十三条', { article: 63, itemInParentheses: true }],
    ['第六十三条第一款', { article: 63, paragraph: 1, itemInParentheses: true }],
    ['第九十五条第（六）项', { article: 95, item: 6, itemInParentheses: true }],
    ['第九十五条第六项', { article: 95, item: 6, itemInParentheses: false }],
    ['第六十三条第一款第（一）项', { article: 63, paragraph: 1, item: 1, itemInParentheses: true }],
    ['第一百一十一条第一款第六项', { article: 111, paragraph: 1, item: 6, itemInParentheses: false }],
    [' 第63条第2款 ', { article: 63, paragraph: 2, itemInParentheses: true }],
  ])('reads %s', (text, citation) => {
    expect(parseCitation(text)).toEqual(citation);
  });

  it.each(['第六十三条第一、二款', '第四十二条之一', '六十三条', '第六十三条第一款第（一）（二）项', ''])(
    'refuses %j',
    (text) => {
      expect(parseCitation(text)).toBeNull();
    },
  );

  it('reads an article heading', () => {
    expect(articleNumber('第一百零一条')).toBe(101);
    expect(articleNumber('第一百零一条第一款')).toBeNull();
  });
});

describe('formatCitation', () => {
  it('names a paragraph only in an article of several', () => {
    expect(formatCitation('第十条', 1, { paragraph: 1 })).toBe('第十条');
    expect(formatCitation('第十条', 2, { paragraph: 2 })).toBe('第十条第二款');
    expect(formatCitation('第九十五条', 1, { paragraph: 1, item: 8 })).toBe('第九十五条第（八）项');
    expect(formatCitation('第六十三条', 3, { paragraph: 1, item: 2 }, false)).toBe('第六十三条第一款第二项');
  });
});
