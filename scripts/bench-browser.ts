/**
 * The browser's figures for `npm run bench`, measured in Debian's Chromium in one run:
 *
 * - cold load → the first drill card painted, beside a bare React page (scripts/bench-peer/) built and
 *   served in the same run, loads interleaved, each in a fresh browser context (its own cache);
 * - decision ↔ consequence transitions, by click (the pointer on the button first, a press as long as a
 *   person's) and by Enter on a focused button: input → the DOM of the next screen changed, and input → the
 *   first frame after that change;
 * - the debrief painted after 查看复盘, in freshly loaded pages (its chunk not yet fetched);
 * - the harness's floor: the same timings on a page whose click changes one line of text, so that the
 *   transitions' figures can be read against what the timing itself and the wait for a frame cost;
 * - the app's own screens without the app: the columns of a run played through, copied with the app's
 *   styles into one page whose click shows the next as the app does (`display: none` lifted, focus in the
 *   next frame), timed the same way: what a screen of this shape costs the browser, before any of the
 *   app's own work.
 *
 * `npx tsx scripts/bench-browser.ts [--json]` prints them; scripts/bench.ts imports `browserFigures`.
 * The server and browser use this checkout's ports, 4310–4319.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { browserPath } from './e2e-browser';

export interface BrowserFigures {
  /** The browser's version, as it reports it. */
  chromium: string;
  transitions: number;
  /** Of the transitions' clicks, those timed from the press, which itself changed the page. */
  timedFromPress: number;
  domMedianMs: number;
  domP95Ms: number;
  frameMedianMs: number;
  frameP95Ms: number;
  /** Input → the new screen's heading presented (after raster), over the transitions the browser reported. */
  painted: Painted;
  debriefColdMedianMs: number;
  debriefColdSpreadMs: [number, number];
  /** The debrief's heading presented, median over the openings the browser reported. */
  debriefPaintedMedianMs: number;
  firstCardMs: number;
  bareReactMs: number;
  firstCardRatio: number;
  /** The same timings of clicks on a page that changes one line (FLOOR_PAGE): what no app can go under. */
  floor: {
    clicks: number;
    domMedianMs: number;
    domP95Ms: number;
    frameMedianMs: number;
    frameP95Ms: number;
    painted: Painted;
  };
  /** The same timings on `swapPage`: a run's own columns, swapped with no script but the swap. */
  swap: {
    /** Clicks and Enter presses, half each, as the transitions are. */
    inputs: number;
    /** The columns shown: each input shows one never shown before in that page. */
    columns: number;
    domMedianMs: number;
    domP95Ms: number;
    frameMedianMs: number;
    frameP95Ms: number;
    painted: Painted;
  };
}

/** Input → presented: how many timings the browser reported a paint for, their median and p95. */
export interface Painted {
  count: number;
  medianMs: number;
  p95Ms: number;
}

const PORTS = [4310, 4311, 4312, 4313, 4314, 4315, 4316, 4317, 4318, 4319];
const LOADS = 15;
const TRANSITIONS = 80;
const DEBRIEFS = 7;
const FLOOR_CLICKS = 40;
/** A click that puts a new line of text in place of the last, and nothing else: the least a screen change can cost. */
const FLOOR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>floor</title><p>第0步</p>' +
  '<button id="next">下一步</button><script>let n = 0; document.getElementById("next").onclick = () => { ' +
  'const line = document.createElement("p"); line.setAttribute("elementtiming", "screen"); ' +
  'line.textContent = "第" + ++n + "步"; document.querySelector("p").replaceWith(line); };</script>';
const SWAP_INPUTS = 40;

/**
 * How long a timed click's press lasts, mousedown to mouseup: a person's lasts about a tenth of a second,
 * Playwright's none. The press draws a frame of its own (the button pressed, and focused), and a
 * click a millisecond after it found that frame asked for and not yet begun: the screen went into it, at
 * the display's next tick (8–12 ms after the click, median, in the rounds measured). After a person's press
 * the page is still when the button is let go, and the browser draws the click's change at once.
 */
const PRESS_MS = 80;

/**
 * How long the briefing is read before 开始推演: a trainee reads it for a minute or more; 2 s is a quick
 * look. While it is read the app draws the run's first decision hidden behind it, and the consequences of
 * that decision's choices. Pressed at once, as the bench did, 开始推演 left all of that to be done in the
 * first decision's first tenth of a second, where the first inputs met it: each drill's first three
 * transitions, two runs, frame median 9.2 ms, at most 19.4, against 7.5 and 11.6 after 2 s.
 */
const READ_BRIEFING_MS = 2_000;

/**
 * A run's columns as the app showed them, one shown at a time; each one's button shows the next: its
 * column hidden (`display: none`) and the next shown under the pointer, focus moved in the next frame,
 * as the app's click does. Nothing else runs: no framework, no header, no side.
 */
export function swapPage(css: string, columns: readonly string[]): string {
  const sections = columns.map(
    (html, i) =>
      `<section class="swap-column${i === 0 ? ' on' : ''}"><button class="swap-next">下一步</button>${html}</section>`,
  );
  return (
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>swap</title><style>${css.replaceAll('</', '<\\/')}\n` +
    '.swap{display:grid;max-width:900px;margin:0 auto}.swap-column:not(.on){display:none}</style>' +
    `<body><div class="swap">${sections.join('')}</div><script>` +
    'const columns = [...document.querySelectorAll(".swap-column")]; let shown = 0;' +
    'for (const column of columns) column.querySelector(".swap-next").onclick = () => {' +
    ' columns[shown].classList.remove("on"); shown = (shown + 1) % columns.length;' +
    ' const next = columns[shown]; next.classList.add("on");' +
    ' requestAnimationFrame(() => next.querySelector(".swap-next").focus({ preventScroll: true })); };' +
    '</script>'
  );
}

const VIEWPORT = { width: 1366, height: 768 };
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Nearest rank: the smallest value at or above the fraction `q` of the sorted values. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Serves each folder under its prefix (`/app/` → the app's build), nothing else. */
async function serve(roots: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end();
    const dir = roots[prefix] as string;
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  for (const port of PORTS) {
    const ok = await new Promise<boolean>((done) => {
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => done(true));
    });
    if (ok) return { server, origin: `http://127.0.0.1:${port}` };
  }
  throw new Error(`none of the ports ${PORTS[0]}–${PORTS.at(-1)} is free`);
}

async function buildBoth(): Promise<{ app: string; bare: string; floor: string; temp: string }> {
  const temp = await mkdtemp(join(tmpdir(), 'tuiyan-bench-browser-'));
  const app = join(temp, 'app');
  const bare = join(temp, 'bare');
  const floor = join(temp, 'floor');
  await mkdir(floor);
  await writeFile(join(floor, 'index.html'), FLOOR_PAGE);
  await build({ root: ROOT, configLoader: 'runner', logLevel: 'silent', build: { outDir: app, emptyOutDir: true } });
  await build({
    root: resolve(ROOT, 'scripts/bench-peer'),
    configFile: false,
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: bare, emptyOutDir: true },
  });
  return { app: `${app}/`, bare: `${bare}/`, floor: `${floor}/`, temp };
}

/** The render time of the first element marked `elementtiming="drill-card"`, from navigation start. */
async function cardPainted(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          setTimeout(() => fail(new Error('no drill card painted in 20 s')), 20_000);
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
              if (e.identifier === 'drill-card') done(e.renderTime || e.startTime);
            }
          }).observe({ type: 'element', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

interface Timing {
  label: string;
  /** The input event's time stamp: the key's, the click's, or the press's when the press itself changed the page. */
  input: number;
  /** A click timed from its press (see TIMING_SCRIPT). */
  fromPress?: boolean;
  dom?: number;
  frame?: number;
  /** When the new screen's heading was presented (Element Timing's renderTime), after raster. */
  painted?: number;
}

declare global {
  interface Window {
    /** Set by the bench just before the input it times: what to wait for after it. */
    __benchArm?: { label: string; until?: string };
    __benchTimings?: Timing[];
  }
}

/**
 * Runs in each page before its scripts. The next input event after the bench arms it (a click, or the
 * Enter that activates a focused button; capture phase, so before the app sees it) starts a timing at
 * the event's own time stamp, when the input reached the page; a click whose press itself changed the
 * page, at the press's (`fromPress`). A MutationObserver started then takes
 * the first change of the DOM after it (or, with `until`, the first change after which an element that
 * selector matches is rendered: a screen drawn ahead, hidden, does not count until it is shown) as "the
 * DOM changed".
 *
 * "The frame": the rAF callback runs at the start of the next frame's rendering, before its style,
 * layout and paint, so its time would leave out exactly the layout a `focus()` or a long screen costs.
 * We take the frame after it: a message posted from the rAF callback is handled once that frame's
 * rendering on the main thread is done, so its time is when the changed screen was handed to the
 * compositor to be shown.
 */
// A string, not a function: tsx's transform would add helpers (`__name`) the page does not have.
const TIMING_SCRIPT = `(() => {
  const timings = [];
  window.__benchTimings = timings;
  // A press that changes the page in its own dispatch (the app commits there a change still pending) is
  // where the click's work begins: such a click is timed from the press, not from its release. Watched
  // from the press's first listener to its last (bubbling to the window), so that nothing else the page
  // does while the button is held down counts.
  let pressWatch = null;
  let pressedAt = null;
  window.addEventListener('pointerdown', (e) => {
    pressedAt = null;
    pressWatch?.disconnect();
    pressWatch = null;
    if (!window.__benchArm) return;
    const at = e.timeStamp;
    // Its records come to the callback in the checkpoint after each listener, within the dispatch.
    pressWatch = new MutationObserver(() => { pressedAt = at; });
    pressWatch.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, true);
  window.addEventListener('pointerdown', () => {
    if (!pressWatch) return;
    pressWatch.disconnect();
    pressWatch = null;
  });
  const start = (e) => {
    const arm = window.__benchArm;
    if (!arm) return;
    if (e instanceof KeyboardEvent && e.key !== 'Enter') return;
    window.__benchArm = undefined;
    const fromPress = e.type === 'click' && pressedAt !== null;
    const timing = { label: arm.label, input: fromPress ? pressedAt : e.timeStamp, fromPress };
    timings.push(timing);
    const observer = new MutationObserver(() => {
      if (arm.until && ![...document.querySelectorAll(arm.until)].some((e) => e.checkVisibility())) return;
      observer.disconnect();
      timing.dom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { timing.frame = performance.now(); };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  window.addEventListener('keydown', start, true);
  window.addEventListener('click', start, true);
  // A heading marked elementtiming="screen" shown for the first time, after the input: the browser
  // says when its text was presented. One still connected, so not the heading of the screen replaced.
  new PerformanceObserver((list) => {
    const timing = timings.at(-1);
    if (!timing || timing.painted !== undefined) return;
    for (const e of list.getEntries()) {
      const at = e.renderTime || e.loadTime;
      if (e.identifier === 'screen' && at >= timing.input && e.element && e.element.isConnected) {
        timing.painted = at;
        return;
      }
    }
  }).observe({ type: 'element' });
})();`;

async function arm(page: Page, label: string, until?: string): Promise<void> {
  // Let the last screen settle (its lazy parts, its frame) so one timing does not carry the last one's work.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => done(), 60))));
  await page.evaluate(
    ([l, u]) => {
      window.__benchArm = u ? { label: l as string, until: u } : { label: l as string };
    },
    [label, until] as const,
  );
}

/**
 * `target` pressed as a trainee presses it, timed as `label`: Enter on it, or a press of PRESS_MS. Focus
 * (for a key) or the pointer goes to it before the settle, as one tabs to a choice or points at it and then
 * reads it: the frame that draws the focus is its own, not the key's. Moved just before the key, it had
 * the key's frame wait for the display's next tick, where on a still page the browser draws a key's
 * change at once.
 */
async function pressTimed(page: Page, target: Locator, label: string, byKey = false, until?: string): Promise<void> {
  await (byKey ? target.focus() : target.hover());
  await arm(page, label, until);
  if (byKey) await page.keyboard.press('Enter');
  else await target.click({ delay: PRESS_MS });
}

async function lastTiming(page: Page): Promise<Timing> {
  await page.waitForFunction(() => window.__benchTimings?.at(-1)?.frame !== undefined, null, { timeout: 30_000 });
  // The browser reports a paint once it is presented, frames later when raster is slow; a screen
  // whose heading it never reports is counted without it.
  await page
    .waitForFunction(() => window.__benchTimings?.at(-1)?.painted !== undefined, null, { timeout: 2_000 })
    .catch(() => undefined);
  return (await page.evaluate(() => window.__benchTimings?.at(-1))) as Timing;
}

// The screen shown: the next screens are drawn ahead, hidden, and copies of them drawn unseen (inert).
const SHOWN = ':not([inert] *):visible';
const CHOICE = `ol.choices button.choice${SHOWN}`;
// The run's own main column: the briefing's and the debrief's (drawn ahead, hidden) have a primary button too.
const NEXT = `main.decision-main .actions button.primary${SHOWN}`;

/** Plays drill `n` of the library from its briefing, timing each decision ↔ consequence, until its ending. */
async function playDrill(browser: Browser, origin: string, n: number, into: Timing[], limit: number): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: TIMING_SCRIPT });
    await page.goto(`${origin}/app/`);
    const starts = page.locator('.drill-card .card-actions button.primary');
    await starts.first().waitFor();
    const count = await starts.count();
    await starts.nth(n % count).click();
    const begin = page.locator('main.briefing .actions button.primary');
    await begin.waitFor();
    // The briefing read, if quickly (see READ_BRIEFING_MS).
    await page.waitForTimeout(READ_BRIEFING_MS);
    // 开始推演 clicked, not Enter: the briefing focuses it in an effect, which may not have run yet.
    // Timed and not kept, so that the first decision is presented before the first input timed, as
    // each later screen is (`lastTiming`): otherwise that input met its raster still under way.
    await pressTimed(page, begin, 'briefing→decision');
    await lastTiming(page);
    await page.locator('main.briefing').waitFor({ state: 'detached' });
    for (let step = 0; into.length < limit; step++) {
      await page.locator(`${CHOICE}, ${NEXT}`).first().waitFor();
      const byKey = step % 4 < 2;
      if ((await page.locator(CHOICE).count()) > 0) {
        const choices = page.locator(CHOICE);
        const choice = choices.nth(step % (await choices.count()));
        await pressTimed(page, choice, byKey ? 'decision→consequence, key' : 'decision→consequence, click', byKey);
      } else {
        const next = page.locator(NEXT);
        if ((await next.textContent()) === '查看复盘') return;
        await pressTimed(page, next, byKey ? 'consequence→decision, key' : 'consequence→decision, click', byKey);
      }
      into.push(await lastTiming(page));
    }
  } finally {
    await context.close();
  }
}

interface PlayedThrough {
  /** What the browser keeps of the run at its last consequence (查看复盘 on screen). */
  saved: Record<string, string>;
  /** Each screen's main column as shown, without what was hidden in it (screens drawn ahead). */
  columns: string[];
  /** The app's styles, as the page has them. */
  css: string;
}

/** The first drill played to its last consequence, its first choice each time. */
async function playedThrough(browser: Browser, origin: string): Promise<PlayedThrough> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/app/`);
    await page.locator('.drill-card .card-actions button.primary').first().click();
    // 开始推演 clicked, not Enter: the briefing focuses it in an effect, which may not have run yet.
    await page.locator('main.briefing .actions button.primary').click();
    await page.locator('main.briefing').waitFor({ state: 'detached' });
    const columns: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.locator(`${CHOICE}, ${NEXT}`).first().waitFor();
      columns.push(await page.evaluate(shownColumn));
      if ((await page.locator(CHOICE).count()) > 0) await page.locator(CHOICE).first().click();
      else if ((await page.locator(NEXT).textContent()) === '查看复盘') {
        // The click shows the last consequence drawn ahead; the store takes the choice in an idle moment
        // after that frame, and saves it after that. Read before, the save held the last decision, and
        // the pages opened at it waited for a 查看复盘 that never came. The run ended is saved with its end.
        await page.waitForFunction(() =>
          Object.values({ ...window.localStorage }).some((text) => {
            try {
              return JSON.parse(text)?.state?.run?.endedAt !== undefined;
            } catch {
              return false;
            }
          }),
        );
        // The app writes its save in an idle moment after the screen is painted: read after that.
        const saved = await page.evaluate(
          () =>
            new Promise<Record<string, string>>((done) =>
              window.requestIdleCallback(() => done({ ...window.localStorage }), { timeout: 2000 }),
            ),
        );
        const css = await page.evaluate(() =>
          [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
        );
        return { saved, columns, css };
      } else await page.locator(NEXT).click();
    }
    throw new Error('the first drill did not end within 200 screens');
  } finally {
    await context.close();
  }
}

/** A fresh page opened at the run's last consequence: 查看复盘 → the debrief's heading drawn, and presented. */
async function debriefCold(browser: Browser, origin: string, saved: Record<string, string>): Promise<Timing> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) window.localStorage.setItem(k, v);
    }, saved);
    const page = await context.newPage();
    await page.addInitScript({ content: TIMING_SCRIPT });
    await page.goto(`${origin}/app/`);
    const next = page.locator(NEXT, { hasText: '查看复盘' });
    await next.waitFor();
    // A trainee reads the last consequence before asking for the debrief: what the page fetches while
    // it is read (the debrief's code, when idle) is fetched before the click, as it would be.
    await page.waitForLoadState('networkidle');
    await pressTimed(page, next, 'debrief', false, 'main.debrief h1');
    return await lastTiming(page);
  } finally {
    await context.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Input → DOM changed and input → frame, median and p95, of a series of timings. */
function summary(timings: readonly Timing[]) {
  const dom = timings.map((t) => (t.dom as number) - t.input);
  const frame = timings.map((t) => (t.frame as number) - t.input);
  const painted = timings.flatMap((t) => (t.painted === undefined ? [] : [t.painted - t.input]));
  return {
    painted: { count: painted.length, medianMs: round(median(painted)), p95Ms: round(quantile(painted, 0.95)) },
    domMedianMs: round(median(dom)),
    domP95Ms: round(quantile(dom, 0.95)),
    frameMedianMs: round(median(frame)),
    frameP95Ms: round(quantile(frame, 0.95)),
  };
}

/** FLOOR_PAGE's button clicked FLOOR_CLICKS times, each timed as a transition is. */
async function floorTimings(browser: Browser, origin: string): Promise<Timing[]> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: TIMING_SCRIPT });
    await page.goto(`${origin}/floor/`);
    const timings: Timing[] = [];
    const next = page.locator('#next');
    for (let i = 0; i < FLOOR_CLICKS; i++) {
      await pressTimed(page, next, 'floor');
      timings.push(await lastTiming(page));
    }
    return timings;
  } finally {
    await context.close();
  }
}

/** The main column shown, copied without what is hidden in it (the screens drawn ahead) and without its ids. */
export function shownColumn(): string {
  const shown = [...document.querySelectorAll('main.decision-main > *')].find(
    (e) => !e.closest('[inert]') && e.checkVisibility(),
  );
  if (!shown) throw new Error('no column shown');
  const copy = shown.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[style*="display: none"]')) hidden.remove();
  for (const named of copy.querySelectorAll('[id]')) named.removeAttribute('id');
  // In a main column of its own, so the styles the app gives a column there hold for the copy.
  const main = document.createElement('main');
  main.className = (shown.parentElement as Element).className;
  main.append(copy);
  return main.outerHTML;
}

/** `swapPage`'s buttons clicked, and pressed with Enter, as the transitions are, each timed as they are. */
async function swapTimings(browser: Browser, origin: string): Promise<Timing[]> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: TIMING_SCRIPT });
    await page.goto(`${origin}/floor/swap.html`);
    const timings: Timing[] = [];
    for (let i = 0; i < SWAP_INPUTS; i++) {
      const next = page.locator('.swap-column.on .swap-next');
      const byKey = i % 4 < 2;
      // As in the app's timings (focus is already on it here, moved there by the swap).
      await pressTimed(page, next, 'swap', byKey);
      timings.push(await lastTiming(page));
    }
    return timings;
  } finally {
    await context.close();
  }
}

export async function browserFigures(): Promise<BrowserFigures> {
  const built = await buildBoth();
  const { server, origin } = await serve({ '/app/': built.app, '/bare/': built.bare, '/floor/': built.floor });
  const browser = await chromium.launch({
    executablePath: browserPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      // Interleaved, and each pair in turn first, so a slow moment of the machine falls on both.
      const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) {
        if (which === 'app') app.push(await cardPainted(browser, `${origin}/app/`));
        else bare.push(await cardPainted(browser, `${origin}/bare/`));
      }
    }

    const timings: Timing[] = [];
    for (let drill = 0; timings.length < TRANSITIONS; drill++) {
      await playDrill(browser, origin, drill, timings, TRANSITIONS);
    }
    const floor = await floorTimings(browser, origin);
    const { saved, columns, css } = await playedThrough(browser, origin);
    // Each input shows a column the page has not laid out yet, as each of the app's screens is new.
    if (columns.length <= SWAP_INPUTS)
      throw new Error(`the first drill showed ${columns.length} columns; ${SWAP_INPUTS + 1} are timed`);
    await writeFile(join(built.floor, 'swap.html'), swapPage(css, columns));
    const swap = await swapTimings(browser, origin);

    const opened: Timing[] = [];
    for (let i = 0; i < DEBRIEFS; i++) opened.push(await debriefCold(browser, origin, saved));
    const debriefs = opened.map((t) => (t.frame as number) - t.input);
    const debrief = summary(opened);

    const firstCardMs = median(app);
    const bareReactMs = median(bare);
    return {
      chromium: browser.version(),
      transitions: timings.length,
      ...summary(timings),
      timedFromPress: timings.filter((t) => t.fromPress).length,
      debriefColdMedianMs: debrief.frameMedianMs,
      debriefColdSpreadMs: [round(Math.min(...debriefs)), round(Math.max(...debriefs))],
      debriefPaintedMedianMs: debrief.painted.medianMs,
      firstCardMs: round(firstCardMs),
      bareReactMs: round(bareReactMs),
      firstCardRatio: Math.round((firstCardMs / bareReactMs) * 100) / 100,
      floor: { clicks: floor.length, ...summary(floor) },
      swap: { inputs: swap.length, columns: swap.length + 1, ...summary(swap) },
    };
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
    await rm(built.temp, { recursive: true, force: true });
  }
}

function print(f: BrowserFigures): void {
  const row = (measure: string, value: string, target: string, peer: string) =>
    console.log(`  ${measure.padEnd(44)} ${value.padStart(16)}  ${target.padEnd(12)} ${peer}`);
  console.log(`\nIn the browser (Chromium ${f.chromium}, viewport 1366×768)`);
  row('measure', 'this run', 'target', 'peer');
  row(
    `input → DOM of the next screen, p95 (${f.transitions})`,
    `${f.domP95Ms} ms`,
    '≤ 8 ms',
    `median ${f.domMedianMs} ms; a one-line page p95 ${f.floor.domP95Ms} ms; its screens alone p95 ${f.swap.domP95Ms} ms`,
  );
  row(
    'input → first frame after it, p95',
    `${f.frameP95Ms} ms`,
    '≤ 16.7 ms',
    `median ${f.frameMedianMs} ms; SugarCube 2.37 p95 13.3 ms; a one-line page p95 ${f.floor.frameP95Ms} ms; its screens alone p95 ${f.swap.frameP95Ms} ms`,
  );
  row(
    `input → heading presented, after raster (${f.painted.count})`,
    `${f.painted.p95Ms} ms`,
    '',
    `median ${f.painted.medianMs} ms; a one-line page median ${f.floor.painted.medianMs}, p95 ${f.floor.painted.p95Ms} ms`,
  );
  row(
    `debrief painted after 查看复盘, cold (${DEBRIEFS})`,
    `${f.debriefColdMedianMs} ms`,
    '≤ 30 ms',
    `spread ${f.debriefColdSpreadMs[0]}–${f.debriefColdSpreadMs[1]} ms; presented after raster, median ${f.debriefPaintedMedianMs} ms`,
  );
  row(
    `first drill card painted ÷ bare React (${LOADS} each)`,
    `${f.firstCardRatio}`,
    '≤ 1.2',
    `${f.firstCardMs} ms ÷ ${f.bareReactMs} ms; SugarCube 2.19`,
  );
}

if (process.argv[1] && /bench-browser\.ts$/.test(process.argv[1])) {
  const figures = await browserFigures();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else print(figures);
}
