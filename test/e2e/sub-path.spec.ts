/**
 * The served build (`npm run build`, in dist/) from a plain static web server under a sub-path, as
 * a school's intranet might put it: a few lines of Node that map URLs under the sub-path to files
 * in dist/ and answer 404 to everything else — no fallback to index.html, no Vite.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from './content-types';
import { expect, test } from './fixtures';
import { openDrill, shippedDrill } from './helpers';

const drill = shippedDrill();
const SUB_PATH = '/school/courses/tuiyan/';
const DIST = 'dist';

let server: Server;
let root: string;
const notFound: string[] = [];

test.beforeAll(async () => {
  // npm test builds dist/ before these tests run (playwright.config.ts, webServer).
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(SUB_PATH) ? normalize(join(DIST, path.slice(SUB_PATH.length) || 'index.html')) : '';
    try {
      if (!file.startsWith(`${DIST}${sep}`)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      notFound.push(path);
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('the served build works from a plain static server under a sub-path', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await openDrill(page, drill.title, root);
  await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: '继续' })).toBeFocused();
  // Every file came from under the sub-path, and none was missing.
  expect(requested.filter((u) => !u.startsWith(root) && !u.startsWith('data:'))).toEqual([]);
  expect(notFound).toEqual([]);
});
