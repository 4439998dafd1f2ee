/**
 * The SCORM 1.2 package (`npm run build:scorm`) as an LMS plays it: built by this test run, unzipped,
 * its manifest read for the launch file, and that file opened in a frame of a page that carries a
 * real SCORM 1.2 run-time API (scorm-again's `Scorm12API`, as `window.API`), served from one origin
 * by a few lines of Node. The page keeps what the runtime records in its own storage, as an LMS
 * keeps it on its server, and hands it back when it is opened again (`cmi.core.entry` resume).
 *
 * Built in the worker that runs this file's tests, while the other goes on with the rest.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { LAUNCH, SCORM_DIR, SCORM_PACKAGE } from '../../scripts/build-scorm';
import { replay } from '../../src/engine/run';
import { dimensionScores } from '../../src/engine/scoring';
import { decodeSuspend, SUSPEND_LIMIT } from '../../src/lms/scorm-data';
import { CONTENT_TYPES } from './content-types';
import { expect, test } from './fixtures';
import { savedAt, savedText, shippedDrill } from './helpers';

const drill = shippedDrill();

/**
 * The LMS's page: the runtime, what it recorded last time loaded before the launch (as an LMS
 * does from its database), every call it receives logged, and what it holds saved on each commit
 * and on finish. `?broken` makes it answer "false" to every LMSSetValue, as a failing LMS would.
 */
const HOST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>学习平台</title><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%}iframe{border:0;display:block;width:100%;height:100%}</style>
<script src="scorm12.js"></script>
<script>
  const kept = JSON.parse(localStorage.getItem('lms:cmi') || 'null');
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (kept) api.loadFromJSON({ ...kept, core: { ...kept.core, entry: 'resume' } });
  const log = (entry) =>
    localStorage.setItem('lms:log', JSON.stringify([...JSON.parse(localStorage.getItem('lms:log') || '[]'), entry]));
  const keep = () => {
    const cmi = JSON.parse(JSON.stringify(api.cmi));
    localStorage.setItem('lms:cmi', JSON.stringify({
      suspend_data: cmi.suspend_data,
      core: { lesson_status: cmi.core.lesson_status, score: cmi.core.score },
      objectives: Object.values(cmi.objectives),
      interactions: Object.values(cmi.interactions).map(({ id, type, student_response, result, latency, time }) =>
        ({ id, type, student_response, result, latency, time })),
    }));
  };
  api.on('LMSInitialize', () => log('LMSInitialize'));
  api.on('LMSSetValue.cmi.*', (element, value) => log(element + '=' + value));
  api.on('LMSCommit', () => { log('LMSCommit'); keep(); });
  api.on('LMSFinish', () => { log('LMSFinish'); keep(); });
  if (location.search.includes('broken')) {
    const set = api.LMSSetValue.bind(api);
    api.LMSSetValue = (element, value) => { set(element, value); return 'false'; };
  }
  window.API = api;
</script></head>
<body><iframe title="课件" src="content/${LAUNCH}"></iframe></body></html>`;

let server: Server;
let host: string;
let files: Record<string, Uint8Array>;
const missing: string[] = [];

test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await promisify(execFile)('npm', ['run', '--silent', 'build:scorm', '--', '--quiet']);
  files = unzipSync(readFileSync(join(SCORM_DIR, SCORM_PACKAGE)));
  const runtime = readFileSync('node_modules/scorm-again/dist/scorm12.min.js');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (type: string, body: Uint8Array | string) => res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/lms/') return send(CONTENT_TYPES['.html'] as string, HOST);
    if (path === '/lms/scorm12.js') return send(CONTENT_TYPES['.js'] as string, runtime);
    const file = path.startsWith('/lms/content/') ? files[path.slice('/lms/content/'.length)] : undefined;
    if (file) return send(CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', file);
    missing.push(path);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lms/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('is a SCORM 1.2 package: its manifest names one SCO, the app’s page, and every file it holds', () => {
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
  expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
  expect(manifest).toMatch(/<schema>ADL SCORM<\/schema>\s*<schemaversion>1\.2<\/schemaversion>/);
  const scos = [...manifest.matchAll(/<resource\b[^>]*adlcp:scormtype="sco"[^>]*href="([^"]+)"/g)];
  expect(scos.map((m) => m[1])).toEqual([LAUNCH]);
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual(
    Object.keys(files)
      .filter((f) => f !== 'imsmanifest.xml')
      .sort(),
  );
  expect(listed.some((f) => /scorm-reporter-.*\.js$/.test(f ?? ''))).toBe(true);
});

/** The frame's app, played by keyboard as a trainee would. */
async function decide(page: Page, app: FrameLocator, key = '1'): Promise<void> {
  await expect(app.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await page.keyboard.press(key);
  await expect(app.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
}

interface Kept {
  suspend_data: string;
  core: { lesson_status: string; score: { raw: string; min: string; max: string } };
  objectives: { id: string; status: string; score: { raw: string; min: string; max: string } }[];
  interactions: {
    id: string;
    type: string;
    student_response: string;
    result: string;
    latency: string;
    time: string;
  }[];
}
/** What the LMS holds, or null before its first commit. */
const kept = async (page: Page) =>
  JSON.parse((await page.evaluate(() => localStorage.getItem('lms:cmi'))) ?? 'null') as Kept | null;
/** What the LMS holds, read once a poll has seen it hold the run wanted. */
async function keptNow(page: Page): Promise<Kept> {
  const lms = await kept(page);
  if (!lms) throw new Error('the LMS holds nothing');
  return lms;
}
/**
 * The screen of the run the LMS holds in its suspend data and how many decisions it holds (undefined
 * while it holds none): a screen alone may be an earlier one of the same kind, the decision before.
 */
const keptAt = async (page: Page) => {
  const lms = await kept(page);
  const run = lms ? decodeSuspend(lms.suspend_data, 0) : null;
  return [run?.view, run?.decisions.length];
};
/** The app's frame, to evaluate in (the frame locator cannot): a reload makes another. */
async function appFrame(app: FrameLocator): Promise<Frame> {
  const frame = await (await app.owner().elementHandle())?.contentFrame();
  if (!frame) throw new Error('the app’s frame is not there');
  return frame;
}
const logged = async (page: Page) =>
  JSON.parse((await page.evaluate(() => localStorage.getItem('lms:log'))) ?? '[]') as string[];

test('reports a run to the LMS, resumes it from the suspend data the LMS hands back, and records its end', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(host);
  const app = page.frameLocator('iframe');
  const start = app.getByRole('article', { name: drill.title }).getByRole('button', { name: /开始演练/ });
  await start.click();
  await expect(app.getByRole('heading', { level: 1, name: drill.title })).toBeVisible();
  await page.keyboard.press('Enter');
  let decisions = 0;
  for (; decisions < 3; decisions++) await decide(page, app);
  const heading = app.getByRole('heading', { level: 1 });
  await expect(app.getByRole('list', { name: /你的决定/ })).toBeVisible();
  const where = await heading.textContent();
  await page.screenshot({ path: testInfo.outputPath('lms-frame.png') });

  // What the LMS holds after three decisions. The screen is shown by the input and the run takes the
  // change in an idle moment after its frame (src/ui/show-drawn-ahead.ts); the reporter follows the run.
  await expect.poll(() => keptAt(page)).toEqual(['decision', decisions]);
  let lms = await keptNow(page);
  expect(lms.core.lesson_status).toBe('incomplete');
  expect(lms.interactions).toHaveLength(3);
  expect(lms.objectives.map((o) => o.id)).toEqual(['timeliness', 'legality', 'coordination']);
  expect(lms.objectives.every((o) => o.status === 'incomplete')).toBe(true);
  const suspended = decodeSuspend(lms.suspend_data, 0);
  expect(suspended?.decisions).toHaveLength(3);
  expect(suspended).toMatchObject({ scenarioId: drill.id, view: 'decision' });
  expect(await logged(page)).toContain('LMSInitialize');

  // Another computer: the browser keeps nothing; the LMS hands back its suspend data. The app's own
  // save follows the run in an idle moment of its own, after the LMS heard of it: removed before then,
  // it would be written again, and the run resumed from the browser's save instead.
  const frame = await appFrame(app);
  await expect.poll(() => savedAt(frame)).toEqual(['decision', decisions]);
  await frame.evaluate(() => localStorage.removeItem('tuiyan'));
  expect(await savedText(frame)).toBeNull();
  await page.reload();
  expect((await logged(page)).filter((e) => e === 'LMSFinish')).toHaveLength(1);
  await expect(app.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await expect(heading).toHaveText(where ?? '');

  // On to the ending.
  for (let i = 0; i < 100; i++) {
    const debriefHeading = app.getByRole('heading', { name: '三项得分' });
    await expect(
      app
        .getByRole('list', { name: /你的决定/ })
        .or(debriefHeading)
        .first(),
    ).toBeVisible();
    if (await debriefHeading.isVisible()) break;
    await decide(page, app, String((i % 2) + 1));
    decisions++;
  }
  await expect(app.getByRole('heading', { name: '三项得分' })).toBeVisible();

  // The debrief too is shown before the run takes its end: the LMS hears of it a moment later.
  await expect.poll(() => keptAt(page)).toEqual(['debrief', decisions]);
  lms = await keptNow(page);
  const run = decodeSuspend(lms.suspend_data, 0);
  expect(run?.view).toBe('debrief');
  expect(lms.suspend_data.length).toBeLessThan(SUSPEND_LIMIT);
  const state = replay(drill, run?.seed ?? 0, run?.decisions ?? []);
  const scores = dimensionScores(drill, state.scoreEvents);
  expect(lms.core.lesson_status).toBe('completed');
  expect(Number(lms.core.score.raw)).toBeCloseTo((scores.timeliness + scores.legality + scores.coordination) / 3, 2);
  expect(lms.core.score).toMatchObject({ min: '0', max: '100' });
  expect(lms.objectives.map((o) => [o.id, Number(o.score.raw), o.status])).toEqual([
    ['timeliness', scores.timeliness, 'completed'],
    ['legality', scores.legality, 'completed'],
    ['coordination', scores.coordination, 'completed'],
  ]);
  expect(lms.interactions.map((i) => i.student_response)).toEqual(state.timeline.map((t) => t.choiceId));
  expect(lms.interactions.map((i) => i.id)).toEqual(state.timeline.map((t, n) => `d${n + 1}-${t.nodeId}`));
  // The runtime keeps a timespan as HH:MM:SS.SS, whatever the width of the hours it was given.
  const seconds = (span: string) => {
    const [h, m, s] = span.split(':').map(Number);
    return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  };
  lms.interactions.forEach((i, n) => {
    expect(i.type).toBe('choice');
    expect(['correct', 'wrong', 'neutral']).toContain(i.result);
    expect(i.latency).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/);
    expect(seconds(i.latency)).toBeCloseTo((state.timeline[n]?.realMs ?? 0) / 1000, 1);
    expect(i.time).toMatch(/^\d\d:\d\d:\d\d$/);
  });
  const sessionTimes = (await logged(page)).filter((e) => e.startsWith('cmi.core.session_time='));
  expect(sessionTimes.at(-1)).toMatch(/^cmi\.core\.session_time=\d{4}:\d\d:\d\d\.\d\d$/);
  expect(sessionTimes.at(-1)).not.toBe('cmi.core.session_time=0000:00:00.00');
  expect(missing).toEqual([]);
});

test('says once, in Chinese, when the LMS refuses what it is told, and the trainee plays on', async ({
  page,
}, testInfo) => {
  await page.goto(`${host}?broken`);
  const app = page.frameLocator('iframe');
  await app
    .getByRole('article', { name: drill.title })
    .getByRole('button', { name: /开始演练/ })
    .click();
  await page.keyboard.press('Enter');
  await decide(page, app);
  await decide(page, app);
  await expect(app.getByRole('alert').filter({ hasText: '学习平台（LMS）没有收下' })).toHaveCount(1);
  await expect(app.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('lms-refused.png') });
});

test('without an LMS, the app fetches nothing of the reporter', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/');
  await expect(page.getByRole('article', { name: drill.title })).toBeVisible();
  expect(requested.filter((u) => u.includes('scorm'))).toEqual([]);
});
