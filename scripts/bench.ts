/**
 * `npm run bench [-- --json] [-- --node-only]`: what a trainee pays, measured beside the peers in one
 * run, never asserted in tests. Detail first (the world's step, `choose` on each shipped drill, the
 * best-line search, the first load's parts), then one table: issue 15's measures, each with this run's
 * figure, its target, its peer and whether it holds.
 *
 * `--json` prints one JSON object on stdout ({ machine, rows, detail }) and everything else on stderr;
 * run it as `npm run -s bench -- --json`, as npm prints its own banner on stdout without `-s`.
 * `--node-only` leaves out the browser rows (Chromium may be absent: they then say why).
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { type BrowserFigures, browserFigures, type Painted } from './bench-browser';
import { bestLineTimings, chooseTimings, worldTimings } from './bench-detail';
import { largeDrill } from './bench-drill';
import { replayTimes, retainedHeap } from './bench-engine';
import { firstLoad } from './bench-first-load';
import { chooseVersus, compiledInk, inkStoryOf } from './bench-ink';
import { droppedFigures, loadFigures } from './bench-load';
import { figure, formatTable, measured, notMeasured, type Row } from './bench-table';
import { candidatesFrom, findBrowser, isExecutable } from './e2e-browser';

const json = process.argv.includes('--json');
const nodeOnly = process.argv.includes('--node-only');
// With --json, stdout carries the one object only: whatever else anything prints goes to stderr.
const stdoutLine = console.log;
if (json) console.log = console.error;
const say = (line: string) => console.log(line);
const progress = (line: string) => console.error(`[bench] ${line}`);

const DRILL_NODES = 10_000;
const DECISIONS = 1_000;

/**
 * `JSON.parse` alone on the drill's text when the issue set the load row's 120 ms, as the issue gives it: the
 * target is that many times it, a ratio less moved by a busy host than the time.
 */
const ISSUE_JSON_PARSE_MS = 51;

// The issue's targets.
const TARGET = {
  domP95: 8,
  frameP95: 16.7,
  /** SugarCube 2.37's p95 from a click to the next passage, measured when the issue was written (not run here). */
  sugarCube: 13.3,
  debrief: 30,
  firstCardRatio: 1.2,
  firstLoadKb: 90,
  loadMs: 120,
  chooseRatio: 0.3,
  replayMs: 20,
  heapMb: 1,
};

// The engine's long-run figures come first, in a fresh process, before the build and the drill
// timings have filled the heap and made the hot loops' property accesses polymorphic.
progress('world and replay…');
worldTimings(say);
const replayed = replayTimes(DECISIONS, 15);
progress('heap after 1,000 decisions…');
const heap = retainedHeap(DECISIONS, 7);

progress('the ink story (generated from the drill; compiled once)…');
const drill = largeDrill(DRILL_NODES);
const text = JSON.stringify(drill);
const inkJson = compiledInk(inkStoryOf(drill), progress);

progress('load beside JSON.parse and inkjs…');
const loaded = loadFigures(text, 7, inkJson);
const dropped = droppedFigures(DRILL_NODES, 7);
say(
  `\nload() on the generated ${DRILL_NODES.toLocaleString('en')}-node drill (${(text.length / 1024 / 1024).toFixed(1)} M characters), a fresh object each run`,
);
say(
  `  median ${loaded.ours.toFixed(0)} ms (${loaded.oursSpread.map((x) => x.toFixed(0)).join('–')}); by stage: ` +
    `JSON.parse ${loaded.stages.parse.toFixed(0)} ms, shape ${loaded.stages.shape.toFixed(0)} ms, ` +
    `lint ${loaded.stages.lint.toFixed(0)} ms, hash ${loaded.stages.hash.toFixed(1)} ms; ` +
    `with nothing held between loads ${dropped.median.toFixed(0)} ms`,
);
say(
  `  inkjs new Story(json) on the same story: ${loaded.ink?.toFixed(0)} ms; ours ÷ inkjs ${figure(loaded.ours / (loaded.ink ?? Number.NaN))}`,
);
say(`  (valibot's own walk, taken only when the shape is wrong, for its messages: ${loaded.valibot.toFixed(0)} ms)`);

progress('choose beside inkjs…');
const versus = chooseVersus(drill, inkJson, DECISIONS, 7);
say(
  `\nchoose() beside inkjs on the same story, ${DECISIONS.toLocaleString('en')} choices a round, 7 rounds interleaved`,
);
say(
  `  per choice, median: ours ${versus.oursMicros.toFixed(1)} µs (with the next screen's offeredChoices ${versus.oursWithOfferedMicros.toFixed(1)} µs), ` +
    `inkjs Choose+Continue ${versus.inkMicros.toFixed(1)} µs; both walks on the same node after ${(versus.sameWay * 100).toFixed(0)}% of the choices`,
);

progress('choose and the best line on each shipped drill…');
chooseTimings(say);
bestLineTimings(say);

progress('building the app for the first load…');
const first = await firstLoad(say, TARGET.firstLoadKb);

let browser: BrowserFigures | null = null;
let browserMissing = 'not run (--node-only)';
let chromium: string | null = null;
if (!nodeOnly) {
  const found = findBrowser(process.env, candidatesFrom(process.env), isExecutable);
  if (found.path === null) browserMissing = 'no Chromium: npm run browser says what to install';
  else {
    const version = spawnSync(found.path, ['--version'], { encoding: 'utf8' });
    chromium = version.status === 0 ? version.stdout.trim() : null;
    progress('the browser figures…');
    try {
      browser = await browserFigures();
      chromium = browser.chromium;
    } catch (e) {
      browserMissing = e instanceof Error ? e.message : String(e);
    }
  }
}

/** A series of paints as the browser reported them presented. */
const presented = (p: Painted) => `median ${figure(p.medianMs)}, p95 ${figure(p.p95Ms)} ms over ${p.count}`;
const frameTarget = `≤ ${TARGET.frameP95} ms, median < SugarCube's ${TARGET.sugarCube}`;
/** The app's own screens swapped with nothing else running: what their shape alone costs the browser. */
const screensAlone = (swap: BrowserFigures['swap'], measure: 'dom' | 'frame') =>
  `its screens alone (${swap.columns} columns of a run played through, swapped by a bare page): ` +
  `median ${swap[`${measure}MedianMs`]}, p95 ${swap[`${measure}P95Ms`]} ms over ${swap.inputs} inputs`;
const sugarCube = { name: "SugarCube 2.37 p95 (the issue's, not run)", value: TARGET.sugarCube, unit: 'ms' };
const browserRows: Row[] = browser
  ? [
      measured({
        name: 'click or key → the DOM of the next screen changed, p95 (Chromium)',
        value: browser.domP95Ms,
        unit: 'ms',
        target: { text: `≤ ${TARGET.domP95} ms`, max: TARGET.domP95 },
        peer: sugarCube,
        note:
          `median ${figure(browser.domMedianMs)} ms over ${browser.transitions} transitions; ` +
          `the harness's floor, a page whose click changes one line: median ${figure(browser.floor.domMedianMs)}, ` +
          `p95 ${figure(browser.floor.domP95Ms)} ms over ${browser.floor.clicks} clicks; ${screensAlone(browser.swap, 'dom')}`,
      }),
      measured({
        name: 'click or key → first animation frame after that change, p95',
        value: browser.frameP95Ms,
        unit: 'ms',
        target: { text: frameTarget, max: TARGET.frameP95 },
        peer: sugarCube,
        extra: [browser.frameMedianMs < TARGET.sugarCube],
        note:
          `median ${figure(browser.frameMedianMs)} ms; the harness's floor, a page whose click changes one line: ` +
          `median ${figure(browser.floor.frameMedianMs)}, p95 ${figure(browser.floor.frameP95Ms)} ms; ` +
          `${screensAlone(browser.swap, 'frame')}. ` +
          `Presented, after raster (Element Timing): ${presented(browser.painted)}; the floor's ${presented(browser.floor.painted)}`,
      }),
      measured({
        name: 'debrief painted after 查看复盘, cold',
        value: browser.debriefColdMedianMs,
        unit: 'ms',
        target: { text: `≤ ${TARGET.debrief} ms`, max: TARGET.debrief },
        peer: null,
        note:
          `median; ${browser.debriefColdSpreadMs.map(figure).join('–')} ms; drawn and handed to the compositor. ` +
          `Presented, after raster (Element Timing): median ${figure(browser.debriefPaintedMedianMs)} ms`,
      }),
      measured({
        name: 'cold load to the first drill card painted ÷ a bare React page built in the same run',
        value: browser.firstCardRatio,
        unit: '×',
        target: { text: `≤ ${TARGET.firstCardRatio}`, max: TARGET.firstCardRatio },
        peer: { name: 'bare React page', value: browser.bareReactMs, unit: 'ms' },
        note: `first drill card ${figure(browser.firstCardMs)} ms`,
      }),
    ]
  : [
      {
        name: 'click or key → the DOM of the next screen changed, p95 (Chromium)',
        target: { text: `≤ ${TARGET.domP95} ms`, max: TARGET.domP95 },
        unit: 'ms',
        peer: sugarCube,
      },
      {
        name: 'click or key → first animation frame after that change, p95',
        target: { text: frameTarget, max: TARGET.frameP95 },
        unit: 'ms',
        peer: sugarCube,
      },
      {
        name: 'debrief painted after 查看复盘, cold',
        target: { text: `≤ ${TARGET.debrief} ms`, max: TARGET.debrief },
        unit: 'ms',
        peer: null,
      },
      {
        name: 'cold load to the first drill card painted ÷ a bare React page built in the same run',
        target: { text: `≤ ${TARGET.firstCardRatio}`, max: TARGET.firstCardRatio },
        unit: '×',
        peer: null,
      },
    ].map((r) => notMeasured(r, browserMissing));

const drillsWhen =
  first.drillsInParallel === null
    ? 'no drill chunk found'
    : first.drillsInParallel
      ? 'drill content in parallel'
      : 'drill content after the main bundle';
const rows: Row[] = [
  ...browserRows,
  measured({
    name: 'first-load JS, gzip',
    value: first.js / 1024,
    unit: 'KB',
    target: { text: `≤ ${TARGET.firstLoadKb} KB, drill content in parallel`, max: TARGET.firstLoadKb },
    peer: null,
    extra: [first.drillsInParallel === true],
    note: `${first.files} file(s); ${drillsWhen}`,
  }),
  measured({
    name: 'load of a generated 10,000-node drill (parse, shape, lint, hash), fresh object',
    value: loaded.ours,
    unit: 'ms',
    target: { text: `≤ ${TARGET.loadMs} ms`, max: TARGET.loadMs },
    peer: { name: 'JSON.parse alone', value: loaded.jsonParse, unit: 'ms' },
    note:
      `ours ÷ JSON.parse ${figure(loaded.ours / loaded.jsonParse)} (the issue's target, ${TARGET.loadMs} ms when it took ` +
      `about ${ISSUE_JSON_PARSE_MS}: ${figure(TARGET.loadMs / ISSUE_JSON_PARSE_MS)}); ` +
      `the load before held, as the app holds a drill; ${loaded.oursSpread.map(figure).join('–')} ms; ` +
      `the process's first ${loaded.warming.length} loads, untimed while V8 optimises: ${loaded.warming.map(figure).join(', ')} ms; ` +
      `parse ${figure(loaded.stages.parse)}, shape ${figure(loaded.stages.shape)}, ` +
      `lint ${figure(loaded.stages.lint)}, hash ${figure(loaded.stages.hash)} ms; ` +
      `with nothing held ${figure(dropped.median)} ms (${dropped.spread.map(figure).join('–')}); ` +
      `inkjs new Story ${figure(loaded.ink ?? Number.NaN)} ms (ours ÷ inkjs ${figure(loaded.ours / (loaded.ink ?? Number.NaN))})`,
  }),
  measured({
    name: "`choose` ÷ inkjs's Continue+Choose on the same generated story, 1,000 choices",
    value: versus.oursMicros / versus.inkMicros,
    unit: '×',
    target: { text: `≤ ${TARGET.chooseRatio}, kept`, max: TARGET.chooseRatio },
    peer: { name: 'inkjs per choice', value: versus.inkMicros, unit: 'µs' },
    note:
      `ours ${figure(versus.oursMicros)} µs per choice (medians); rounds ${versus.roundRatios.map(figure).join('–')}; ` +
      `with the next screen's offeredChoices ${figure(versus.oursWithOfferedMicros / versus.inkMicros)}`,
  }),
  measured({
    name: 'replay of 1,000 decisions with a 10-region world',
    value: replayed.median,
    unit: 'ms',
    target: { text: `≤ ${TARGET.replayMs} ms`, max: TARGET.replayMs },
    peer: null,
    note: `median of 15; ${replayed.spread.map(figure).join('–')} ms`,
  }),
  measured({
    name: 'heap retained after 1,000 decisions',
    value: heap.median / 1024 / 1024,
    unit: 'MB',
    target: { text: `≤ ${TARGET.heapMb} MB`, max: TARGET.heapMb },
    peer: null,
    note: `the final state only, median of 7; ${heap.spread.map((b) => figure(b / 1024 / 1024)).join('–')} MB`,
  }),
];

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  chromium,
};

if (json) {
  const detail = { load: loaded, choose: versus, replay: replayed, heap, firstLoad: first, browser };
  stdoutLine(JSON.stringify({ machine, rows, detail }, null, 2));
} else {
  say(`\nIssue 15, on ${machine.cpu} × ${machine.cores}, Node ${machine.node}, ${machine.chromium ?? 'no Chromium'}`);
  say(formatTable(rows));
}
