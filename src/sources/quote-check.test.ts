import { describe, expect, it } from 'vitest';
import { LECTURE, PREVENTION_2013, PREVENTION_2025, SOURCES } from '../../test/fixtures/laws';
import { checkQuote, type QuotedReference } from './quote-check';

const V2025 = '2025年4月30日修订，2025年9月1日起施行';
const V2013 = '2004年修订、2013年6月29日修正';

function law(article: string, quote: string, overrides: Partial<QuotedReference> = {}): QuotedReference {
  return { kind: 'law', law: '《中华人民共和国传染病防治法》', version: V2025, article, quote, ...overrides };
}

const REPORT = '县级以上地方人民政府采取前款规定的紧急措施，应当同时向上一级人民政府报告。';
const STOP_MARKETS = '（一）限制或者停止集市、影剧院演出或者其他人群聚集的活动；';
const PREVENTION_2025_PARAGRAPH_2 = PREVENTION_2025.articles[0]?.paragraphs[1]?.text;

describe('checkQuote: law', () => {
  it.each([
    ['the article', law('第六十三条', REPORT)],
    ['the paragraph', law('第六十三条第二款', REPORT)],
    ['the item, in parentheses', law('第六十三条第一款第（一）项', STOP_MARKETS)],
    ['the item, without them', law('第六十三条第一款第一项', STOP_MARKETS)],
    ['an item of the article, no paragraph named', law('第六十三条第（二）项', '停工、停业')],
    ['a paragraph running into its items', law('第六十三条第一款', '可以采取下列紧急措施：\n（一）限制')],
    ['a short name and a bare year', law('第六十三条第二款', REPORT, { law: '传染病防治法', version: '2025年修订' })],
    [
      'an item numbered by its label, not its place',
      law('第九十五条第（八）项', '截留、挪用', { law: '《中华人民共和国突发事件应对法》', version: '2024年修订' }),
    ],
  ])('accepts a quote that stands verbatim in %s named', (_, ref) => {
    expect(checkQuote(ref, SOURCES)).toBeNull();
  });

  it('names the paragraph a quote is really in', () => {
    expect(checkQuote(law('第六十三条第一款', REPORT), SOURCES)?.message).toBe(
      '引文在第六十三条第二款，不在第六十三条第一款：把 article 改为“第六十三条第二款”。',
    );
  });

  it('names a paragraph that does not exist', () => {
    expect(checkQuote(law('第六十三条第四款', REPORT), SOURCES)?.message).toBe(
      '第六十三条只有 3 款，没有第四款；引文在第六十三条第二款：把 article 改为“第六十三条第二款”。',
    );
  });

  it('finds the article a quote of the same version is really in', () => {
    const ref = law('第十条', '有多种措施可供选择的', {
      law: '《中华人民共和国突发事件应对法》',
      version: '2024年修订',
      article: '第九十五条',
    });
    expect(checkQuote(ref, SOURCES)?.message).toBe(
      '引文不在《中华人民共和国突发事件应对法》2024 年文本第九十五条中；它在第十条：把 article 改为“第十条”。',
    );
  });

  it('says when the article named is not among the sources, and where the quote is', () => {
    expect(checkQuote(law('第九十九条', REPORT), SOURCES)?.message).toBe(
      '《中华人民共和国传染病防治法》2025 年文本没有第九十九条（或 sources 未摘录这一条）；它在第六十三条第二款：把 article 改为“第六十三条第二款”。',
    );
  });

  it('catches a 2013 quote labelled 2025, though the 2013 heading mentions 2025', () => {
    const quote = '必要时，报经上一级人民政府决定，可以采取下列紧急措施并予以公告';
    expect(checkQuote(law('第四十二条', quote, { version: V2013 }), SOURCES)).toBeNull();
    const wrong = checkQuote(law('第六十三条', quote), SOURCES);
    expect(wrong?.message).toMatch(/^引文不在《中华人民共和国传染病防治法》2025 年文本第六十三条中；/);
    expect(wrong?.message).toContain(
      '它出自《中华人民共和国传染病防治法》2013 年文本第四十二条第一款，不是 2025 年文本',
    );
    expect(wrong?.message).toContain('把 version 改为“2004年修订、2013年6月29日修正文本”');
  });

  it('refuses a version no text of the law has, listing those there are', () => {
    const message = checkQuote(law('第六十三条', REPORT, { version: '2020年修订' }), SOURCES)?.message ?? '';
    expect(message).toMatch(/^《中华人民共和国传染病防治法》没有与“2020年修订”相符的版本，收录的是 2013 年文本（/);
    expect(message).toContain('2025 年文本（2025年4月30日修订，2025年9月1日起施行）');
    expect(message).toContain('这段文字见于《中华人民共和国传染病防治法》2025 年文本第六十三条第二款。');
  });

  it('refuses a version whose dates are not all the text’s', () => {
    expect(
      checkQuote(law('第六十三条', REPORT, { version: '2025年4月30日修订，2025年11月1日起施行' }), SOURCES),
    ).not.toBeNull();
  });

  it('refuses a law the sources do not hold, naming those they do', () => {
    const message = checkQuote(law('第一条', REPORT, { law: '《中华人民共和国某某法》' }), SOURCES)?.message ?? '';
    expect(message).toMatch(
      /^sources\/legal-sources.md 没有收录《中华人民共和国某某法》：检查法律名称（收录的有《中华人民共和国传染病防治法》、《中华人民共和国突发事件应对法》）/,
    );
  });

  describe('items (项)', () => {
    it('names the item a quote is really in, in the author’s style', () => {
      expect(checkQuote(law('第六十三条第一款第（二）项', STOP_MARKETS), SOURCES)?.message).toBe(
        '引文在第六十三条第一款第（一）项，不在第六十三条第一款第（二）项：把 article 改为“第六十三条第一款第（一）项”。',
      );
      expect(checkQuote(law('第六十三条第一款第二项', STOP_MARKETS), SOURCES)?.message).toContain(
        '把 article 改为“第六十三条第一款第一项”',
      );
    });

    it('names an item that does not exist', () => {
      expect(checkQuote(law('第六十三条第一款第（九）项', STOP_MARKETS), SOURCES)?.message).toBe(
        '第六十三条第一款第（九）项不存在；引文在第六十三条第一款第（一）项：把 article 改为“第六十三条第一款第（一）项”。',
      );
    });

    it('refuses a quote of the paragraph’s own words cited as an item', () => {
      expect(checkQuote(law('第六十三条第一款第（一）项', '可以采取下列紧急措施'), SOURCES)?.message).toBe(
        '引文在第六十三条第一款，但不全在第六十三条第一款第（一）项之内：只引这一项的文字，或把 article 改为“第六十三条第一款”。',
      );
    });

    it('checks the item in the paragraph named', () => {
      expect(checkQuote(law('第六十三条第二款第（一）项', STOP_MARKETS), SOURCES)?.message).toMatch(
        /^引文在第六十三条第一款第（一）项，不在第六十三条第二款/,
      );
    });
  });

  describe('what is nearest, when the quote is nowhere verbatim', () => {
    it('shows a mistyped quote beside the paragraph it came from, and the first character that differs', () => {
      const mismatch = checkQuote(law('第六十三条第二款', REPORT.replace('同时', '立即')), SOURCES);
      expect(mismatch?.nearest?.where).toBe('第六十三条第二款');
      expect(mismatch?.nearest?.text).toBe(PREVENTION_2025_PARAGRAPH_2);
      expect(mismatch?.message).toMatch(
        /^引文与《中华人民共和国传染病防治法》2025 年文本第六十三条第二款的原文不一致：引文第 25 个字“立”，原文作“同”，原文此处是“急措施，应当同时向上一级人民政府”。原文是“县级以上/,
      );
      expect(mismatch?.message).toMatch(/：照原文逐字改正，标点的全角、半角也照原样。$/);
    });

    it('calls a half-width comma where the law has a full-width one by its name', () => {
      const message = checkQuote(law('第六十三条第二款', REPORT.replace('，', ',')), SOURCES)?.message;
      expect(message).toContain('引文第 22 个字“,”，原文作“，”（引文用的是半角“,”，原文是全角“，”）');
    });

    it('looks through the whole version when the article named has nothing near', () => {
      const mismatch = checkQuote(law('第六十三条', '县级以上人民政府负责储备防治传染病的药品', { version: V2013 }), {
        laws: [PREVENTION_2013],
        lecture: LECTURE,
      });
      expect(mismatch).toBeNull();
      const typo = checkQuote(
        law('第四十二条', '县级以上人民政府负责储备防治传染病的药物、医疗器械和其他物资', { version: V2013 }),
        SOURCES,
      );
      expect(typo?.message).toMatch(
        /^引文不在《中华人民共和国传染病防治法》2013 年文本第四十二条中，这一条里也没有相近的文字。本版本最接近的是第六十三条：“第六十三条 县级以上人民政府负责储备/,
      );
      expect(typo?.nearest?.where).toBe('第六十三条');
    });

    it('offers nothing near for words the law does not have', () => {
      expect(checkQuote(law('第六十三条', '天气晴朗，适合出游。'), SOURCES)).toEqual({
        message:
          '引文不在《中华人民共和国传染病防治法》2025 年文本第六十三条中，这一条里也没有相近的文字；本版本中也没有相近的文字：检查条文号和引文。',
        nearest: null,
      });
    });
  });

  it('refuses an article it cannot read, saying how to write one', () => {
    expect(checkQuote(law('第六十三条第一、二款', REPORT), SOURCES)?.message).toBe(
      '条款“第六十三条第一、二款”的写法认不出：写成“第六十三条”“第六十三条第一款”“第九十五条第（六）项”或“第六十三条第一款第（一）项”。',
    );
  });

  it('refuses an empty quote, which every text would hold', () => {
    expect(checkQuote(law('第六十三条', ' '), SOURCES)?.message).toBe('引文是空的：逐字抄入所引的原文。');
  });

  it('keeps every message on one line, a line break in a quote shown as ↵', () => {
    const message = checkQuote({ kind: 'lecture', quote: '预演要“真刀真枪”。\n还要多练' }, SOURCES)?.message ?? '';
    expect(message).toContain('↵');
    expect(message).not.toContain('\n');
  });
});

describe('checkQuote: lecture', () => {
  const lecture = (quote: string): QuotedReference => ({ kind: 'lecture', quote });

  it('accepts the lecture word for word', () => {
    expect(checkQuote(lecture('明确各级防疫主体的权力边界,法无授权不可为。'), SOURCES)).toBeNull();
  });

  it('shows a typo beside the lecture’s words', () => {
    expect(checkQuote(lecture('明确各级防疫主体的权利边界,法无授权不可为。'), SOURCES)).toEqual({
      message:
        '引文与讲稿（sources/lecture.txt）不一致：引文第 11 个字“利”，原文作“力”，原文此处是“防疫主体的权力边界,法无授权不可”。讲稿中最接近的是“明确各级防疫主体的权力边界,法无授权不可为。”：照讲稿逐字改正，标点的全角、半角也照原样。',
      nearest: { where: '讲稿', text: '明确各级防疫主体的权力边界,法无授权不可为。' },
    });
  });

  it('refuses a full-width comma where the lecture has a half-width one', () => {
    expect(checkQuote(lecture('预案要进行预演，预演要“真刀真枪”。'), SOURCES)?.message).toContain(
      '引文第 8 个字“，”，原文作“,”（引文用的是全角“，”，原文是半角“,”）',
    );
  });

  it('says what an ellipsis does to a quote', () => {
    expect(checkQuote(lecture('明确各级防疫主体的权力边界……预案要进行预演'), SOURCES)?.message).toContain(
      '依据须是一段连续的原文，不能用省略号跳过文字',
    );
  });

  it('says when nothing in the lecture comes near', () => {
    expect(checkQuote(lecture('天气晴朗，适合出游。'), SOURCES)).toEqual({
      message: '引文不在讲稿（sources/lecture.txt）中，也没有相近的段落：从讲稿中逐字复制原文。',
      nearest: null,
    });
  });

  it('says where a quote runs on past the lecture’s words', () => {
    expect(checkQuote(lecture('预演要“真刀真枪”。还要多练'), SOURCES)?.message).toContain(
      '原文到“要“真刀真枪”。”就结束了，引文多出“还要多练”',
    );
  });
});
