import { describe, expect, it } from 'vitest';
import { markdownAst } from '../scripts/markdown-ast';

describe('markdownAst', () => {
  it('turns headings, paragraphs, lists, code, tables and inline marks into data', () => {
    const doc = markdownAst(
      [
        '# 编写指南',
        '',
        '## 第一步',
        '',
        '写一个 **节点**，见 `nodes` 与 [说明](https://example.org/a)。',
        '',
        '1. 甲',
        '2. 乙',
        '',
        '```json',
        '{ "id": "a & b" }',
        '```',
        '',
        '| 字段 | 含义 |',
        '| --- | --- |',
        '| `id` | 标识 |',
      ].join('\n'),
    );
    expect(doc.title).toBe('编写指南');
    expect(doc.blocks.map((b) => b.t)).toEqual(['heading', 'heading', 'paragraph', 'list', 'code', 'table']);
    expect(doc.blocks[2]).toEqual({
      t: 'paragraph',
      children: [
        { t: 'text', text: '写一个 ' },
        { t: 'strong', children: [{ t: 'text', text: '节点' }] },
        { t: 'text', text: '，见 ' },
        { t: 'code', text: 'nodes' },
        { t: 'text', text: ' 与 ' },
        { t: 'link', href: 'https://example.org/a', children: [{ t: 'text', text: '说明' }] },
        { t: 'text', text: '。' },
      ],
    });
    expect(doc.blocks[4]).toEqual({ t: 'code', lang: 'json', text: '{ "id": "a & b" }' });
    expect(doc.blocks[5]).toMatchObject({
      t: 'table',
      rows: [[[{ t: 'code', text: 'id' }], [{ t: 'text', text: '标识' }]]],
    });
  });

  it('keeps raw HTML as text, never as markup', () => {
    const doc = markdownAst('<script>alert(1)</script>\n\n段落 <img src=x onerror=alert(1)> 结束');
    const json = JSON.stringify(doc);
    expect(json).toContain('"t":"text"');
    expect(json).not.toContain('"t":"html"');
  });
});
