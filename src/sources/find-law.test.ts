import { describe, expect, it } from 'vitest';
import { EMERGENCY_2024, LAWS, PREVENTION_2013, PREVENTION_2025 } from '../../test/fixtures/laws';
import { citedArticle, lawsNamed, placeInArticle, versionsNamed } from './find-law';

const ref = (article: string, quote = '', version = '2025年修订') => ({
  law: '《中华人民共和国传染病防治法》',
  version,
  article,
  quote,
});

describe('lawsNamed', () => {
  it('finds every version of a law by its full or short name', () => {
    expect(lawsNamed(LAWS, '《中华人民共和国传染病防治法》')).toEqual([PREVENTION_2013, PREVENTION_2025]);
    expect(lawsNamed(LAWS, '突发事件应对法')).toEqual([EMERGENCY_2024]);
    expect(lawsNamed(LAWS, '《》')).toEqual([]);
  });

  it('prefers the law named exactly over laws whose names hold it', () => {
    const sameStart = { ...EMERGENCY_2024, law: '中华人民共和国传染病防治法实施办法' };
    expect(lawsNamed([sameStart, PREVENTION_2025], '中华人民共和国传染病防治法')).toEqual([PREVENTION_2025]);
  });
});

describe('versionsNamed', () => {
  it('picks the version by the dates or years of the note', () => {
    const texts = [PREVENTION_2013, PREVENTION_2025];
    expect(versionsNamed(texts, '2013年6月29日修正')).toEqual([PREVENTION_2013]);
    expect(versionsNamed(texts, '2025年4月30日修订，2025年9月1日起施行')).toEqual([PREVENTION_2025]);
  });
});

describe('placeInArticle', () => {
  const article = PREVENTION_2025.articles[0];
  if (!article) throw new Error('fixture');

  it('finds the paragraph, and the item when the quote lies within one', () => {
    expect(placeInArticle(article, '停工、停业')).toEqual({ paragraph: 1, item: 2 });
    expect(placeInArticle(article, '应当同时向上一级人民政府报告')).toEqual({ paragraph: 2 });
    expect(placeInArticle(article, '紧急措施：\n（一）限制')).toEqual({ paragraph: 1 });
    expect(placeInArticle(article, '不在这一条')).toBeNull();
  });
});

describe('citedArticle', () => {
  it('finds the article in the version named, with the paragraph and item cited', () => {
    const found = citedArticle(LAWS, ref('第六十三条第一款第（二）项'));
    expect(found?.text).toBe(PREVENTION_2025);
    expect(found?.article.article).toBe('第六十三条');
    expect(found?.cited).toEqual({ paragraph: 1, item: 2 });
  });

  it('finds the paragraph of an item cited without one', () => {
    const found = citedArticle(LAWS, { ...ref('第九十五条第（八）项'), law: '突发事件应对法', version: '2024年修订' });
    expect(found?.cited).toEqual({ paragraph: 1, item: 8 });
  });

  it('marks where the quote stands when only the article is cited', () => {
    expect(citedArticle(LAWS, ref('第六十三条', '立即调整或者撤销'))?.cited).toEqual({ paragraph: 2 });
    expect(citedArticle(LAWS, ref('第六十三条', '别处的文字'))?.cited).toBeNull();
  });

  it('reads the same article number in each version', () => {
    expect(citedArticle(LAWS, ref('第六十三条', '', '2013年修正'))?.text).toBe(PREVENTION_2013);
  });

  it('is null for what the sources lack', () => {
    expect(citedArticle(LAWS, ref('第九十九条'))).toBeNull();
    expect(citedArticle(LAWS, ref('第六十三条', '', '2020年修订'))).toBeNull();
    expect(citedArticle(LAWS, { ...ref('第六十三条'), law: '某某法' })).toBeNull();
    expect(citedArticle(LAWS, ref('第六十三条之一'))).toBeNull();
  });

  it('falls back to the quote for a paragraph the article lacks', () => {
    expect(citedArticle(LAWS, ref('第六十三条第九款', '立即调整或者撤销'))?.cited).toEqual({ paragraph: 2 });
  });
});
