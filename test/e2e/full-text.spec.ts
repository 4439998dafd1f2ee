import { readFileSync } from 'node:fs';
import { readSources } from '../../scripts/project-sources';
import { chineseNumeral } from '../../src/sources/chinese-numerals';
import type { Article, LawText } from '../../src/sources/law-text';
import { checkQuote } from '../../src/sources/quote-check';
import { expect, test } from './fixtures';

/**
 * A drill of our own, citing a law from sources/ (not a shipped drill's reference, which may
 * change): the longest article whose last paragraph has no items, cited by that paragraph, so the
 * dialog has to scroll to show it.
 */
function citingDrill() {
  const sources = readSources();
  const articles = sources.laws.flatMap((text) => text.articles.map((article) => ({ text, article })));
  const length = (a: Article) => a.paragraphs.reduce((n, p) => n + p.text.length + p.items.join('').length, 0);
  const { text, article } = articles
    .filter(({ article: a }) => a.paragraphs.length >= 2 && a.paragraphs.at(-1)?.items.length === 0)
    .sort((a, b) => length(b.article) - length(a.article))[0] as { text: LawText; article: Article };
  const quote = article.paragraphs.at(-1)?.text as string;
  const reference = {
    id: 'cited',
    kind: 'law' as const,
    law: `《${text.law}》`,
    version: `${text.year}年文本`,
    article: `${article.article}第${chineseNumeral(article.paragraphs.length)}款`,
    quote,
  };
  expect(checkQuote(reference, sources), 'the fixture quotes its law verbatim').toBeNull();
  const drill = JSON.parse(readFileSync('test/fixtures/valid.json', 'utf8'));
  drill.id = 'full-text';
  drill.title = '查看全文测试';
  drill.references = [reference];
  drill.nodes[0].choices[0].score = [{ dimension: 'legality', delta: 10, reason: '依法行事。', refs: ['cited'] }];
  return { drill, reference, title: `《${text.law}》${article.article}` };
}

test('a trainee opens a cited article in full from the debrief, sees the cited paragraph marked, and Escape returns', async ({
  page,
}) => {
  const { drill, reference, title } = citingDrill();
  await page.goto('/');
  await page.getByLabel('选择文件…').setInputFiles({
    name: 'full-text.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(drill)),
  });
  await expect(page.getByRole('status')).toContainText('已导入“查看全文测试”');
  await page
    .getByRole('article', { name: /查看全文测试/ })
    .getByRole('button', { name: /开始演练/ })
    .click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: '查看复盘' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '三项得分' })).toBeVisible();

  // By keyboard: open the reference's details, Tab to 查看全文, Enter.
  const events = page.getByRole('list', { name: '依法评分事件' });
  await events.locator('summary').first().focus();
  await page.keyboard.press('Enter');
  const open = events.getByRole('button', { name: '查看全文' });
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
  const mark = dialog.locator('mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText(reference.quote);
  await expect(mark).toBeInViewport();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
