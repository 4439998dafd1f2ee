import { readFileSync } from 'node:fs';
import { MARKER, withXssEverywhere } from '../fixtures/xss';
import { expect, test } from './fixtures';
import { playToDebrief } from './helpers';

const drill = withXssEverywhere(JSON.parse(readFileSync('scenarios/template.json', 'utf8')));
const file = JSON.stringify(drill, null, 2);

test('a drill with a script-injection vector in every text field is imported, played, debriefed and edited as plain text', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/');
  const navigations: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });

  await page
    .getByLabel('选择文件…')
    .setInputFiles({ name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('status')).toContainText('已导入');
  const card = page.getByRole('article').filter({ has: page.getByText('导入', { exact: true }) });
  // The title is shown as the characters it is.
  await expect(card.getByRole('heading')).toContainText((drill as { title: string }).title.slice(0, 10));
  await card.getByRole('button', { name: /开始演练/ }).click();
  await page.keyboard.press('Enter');
  await playToDebrief(page);
  await expect(page.getByRole('heading', { name: '三项得分' })).toBeVisible();
  // References, quotes and reasons on the debrief carry the marker too, shown as the text it is. The
  // debrief's own main, by its role: the run's stays in the page, hidden, until the page is idle.
  await expect(page.getByRole('main')).toContainText(MARKER);

  await page.getByRole('button', { name: '返回演练库' }).click();
  await page
    .getByRole('article')
    .filter({ has: page.getByText('导入', { exact: true }) })
    .getByRole('button', { name: /^编写/ })
    .click();
  const graph = page.getByRole('group', { name: /剧本结构图/ });
  await expect(graph).toBeVisible();
  await graph.getByRole('button').first().click();
  await expect(page.getByRole('region').filter({ has: page.locator('#node-panel-heading') })).toBeVisible();

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(navigations).toEqual([]);
  // Nothing the drill wrote became an element or a live attribute: no scripts, frames, images, handlers or script URLs.
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter(
        (el) =>
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'META', 'STYLE'].includes(el.tagName) ||
          [...el.attributes].some(
            (a) =>
              a.name.startsWith('on') ||
              (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name) &&
                /^\s*javascript:/i.test(a.value)),
          ),
      )
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(injected).toEqual([]);
});
