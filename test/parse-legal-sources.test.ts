import { describe, expect, it } from 'vitest';
import { lawsJson, parseLegalSources } from '../scripts/parse-legal-sources';

const md = (...lines: string[]) => lines.join('\n');

const SECTION = md(
  '# 素材',
  '## 0. 速查表（主题 → 条文）',
  '| 主题 | 条文 |',
  '## 二、《中华人民共和国传染病防治法》（2025年4月30日修订，2025年9月1日起施行）',
  '',
  '来源：[B] `data/seed/x.json`',
  '',
  '**第六十三条**（2025修订）',
  '',
  '> 第六十三条 传染病暴发、流行时，可以采取下列紧急措施：',
  '>',
  '> （一）限制或者停止集市、影剧院演出或者其他人群聚集的活动；',
  '>',
  '> （二）停工、停业、停课；',
  '>',
  '> 县级以上地方人民政府采取前款规定的紧急措施，应当同时向上一级人民政府报告。',
  '',
  '**第六十四条**（2025修订）',
  '',
  '> 第六十四条 第一款。',
  '',
  '---',
  '',
  '## 五、《突发公共卫生事件应急条例》（2003年5月9日国务院令第376号公布；仓库文件名/flk 元数据日期 2011-01-08，即修订后现行文本）',
  '',
  '**第十一条**（应急条例）',
  '',
  '> 第十一条 全国突发事件应急预案应当包括以下主要内容：',
  '>',
  '> (一)突发事件应急处理指挥部的组成和相关部门的职责；',
  '',
  '## 九、2020年初疫情时间节点核验（讲座所引日期）',
  '',
  '> 不是法条的引文。',
);

describe('parseLegalSources', () => {
  it('makes a law text of each law section, with its name, version, year and dates', () => {
    const laws = parseLegalSources(SECTION);
    expect(laws.map(({ articles, ...head }) => head)).toEqual([
      {
        law: '中华人民共和国传染病防治法',
        version: '2025年4月30日修订，2025年9月1日起施行',
        year: 2025,
        dates: ['2025-04-30', '2025-09-01'],
        years: [2025],
      },
      {
        law: '突发公共卫生事件应急条例',
        version: '2003年5月9日国务院令第376号公布；仓库文件名/flk 元数据日期 2011-01-08，即修订后现行文本',
        year: 2011,
        dates: ['2003-05-09', '2011-01-08'],
        years: [2003, 2011],
      },
    ]);
  });

  it('splits articles into paragraphs, an item (full- or half-width label) belonging to the paragraph before it', () => {
    const [prevention, regulation] = parseLegalSources(SECTION);
    expect(prevention?.articles).toEqual([
      {
        article: '第六十三条',
        paragraphs: [
          {
            text: '第六十三条 传染病暴发、流行时，可以采取下列紧急措施：',
            items: ['（一）限制或者停止集市、影剧院演出或者其他人群聚集的活动；', '（二）停工、停业、停课；'],
          },
          { text: '县级以上地方人民政府采取前款规定的紧急措施，应当同时向上一级人民政府报告。', items: [] },
        ],
      },
      { article: '第六十四条', paragraphs: [{ text: '第六十四条 第一款。', items: [] }] },
    ]);
    expect(regulation?.articles[0]?.paragraphs[0]?.items).toEqual([
      '(一)突发事件应急处理指挥部的组成和相关部门的职责；',
    ]);
  });

  it('stops at a line it does not expect inside an article, naming the line', () => {
    expect(() => parseLegalSources(`${SECTION.split('\n').slice(0, 17).join('\n')}\n注：插入的说明`)).toThrow(
      'legal-sources.md:18: unexpected line in 第六十三条 of 《中华人民共和国传染病防治法》: 注：插入的说明',
    );
  });

  it('stops at an article with no text, a law with no articles, and an article given twice', () => {
    expect(() => parseLegalSources(md('## 一、《某法》（2020年通过）', '**第一条**（x）', ''))).toThrow(
      '第一条 of 《某法》 has no text',
    );
    expect(() => parseLegalSources(md('## 一、《某法》（2020年通过）', '来源：x', '## 二、其他'))).toThrow(
      '《某法》 (2020) has no articles',
    );
    expect(() =>
      parseLegalSources(md('## 一、《某法》（2020年通过）', '**第一条**', '> 甲', '**第一条**', '> 乙')),
    ).toThrow('legal-sources.md:4: 第一条 of 《某法》 appears twice');
  });

  it('writes laws.json with a note that it is generated, ending in a newline', () => {
    const json = lawsJson(SECTION);
    expect(JSON.parse(json).$comment).toMatch(/npm run sources/);
    expect(json.endsWith('}\n')).toBe(true);
  });
});
