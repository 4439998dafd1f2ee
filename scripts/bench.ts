/**
 * `npm run bench`: what a trainee pays, measured, never asserted in tests.
 *  - the gzipped JS of the first load (entry chunk and what it imports statically), the drill
 *    content fetched to fill the library, and what each part loaded on demand adds (the
 *    authoring view, the help, the import checker, a law article's full text with the laws);
 *  - the median time of one `choose` on each shipped drill, and of the debrief's best-line search;
 *  - the median time `load` (parse, schema, lint) takes on a generated 10,000-node drill.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { build } from 'vite';
import { analyseRun, DEFAULT_LIMITS, movesAt, playMove, searchBestLine } from '../src/engine/best-line';
import { choose, currentDecision, offeredChoices, replay, start } from '../src/engine/run';
import { TIMEOUT } from '../src/engine/types';
import { advanceWorld, cloneWorld, initWorld } from '../src/engine/world';
import { lint } from '../src/scenario/lint/index';
import { hasScenarioShape, load } from '../src/scenario/load';
import { ScenarioSchema } from '../src/scenario/schema';
import { largeDrill } from './bench-drill';

import { worldOf } from './bench-world';

const TARGET_FIRST_LOAD_KB = 100;
const TARGET_LOAD_MS = 200;
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

async function firstLoad(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'tuiyan-bench-'));
  try {
    await build({ configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    /** A chunk and every chunk it imports statically: what loading it costs. */
    const closure = (key: string, acc = new Set<string>()): Set<string> => {
      if (acc.has(key) || !manifest[key]) return acc;
      acc.add(key);
      for (const k of manifest[key].imports ?? []) closure(k, acc);
      return acc;
    };
    const gzOf = (file: string) => gz(readFileSync(join(outDir, file)));
    const sizes = (keys: Iterable<string>) => {
      const js = new Set<string>();
      const css = new Set<string>();
      for (const k of keys) {
        const chunk = manifest[k] as ManifestChunk;
        if (chunk.file.endsWith('.js')) js.add(chunk.file);
        for (const c of chunk.css ?? []) css.add(c);
      }
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gzOf(f), 0);
      return { js: sum(js), css: sum(css), files: [...js] };
    };
    const first = closure('index.html');
    const firstSizes = sizes(first);
    /** What opening a part costs beyond the first load. */
    const beyond = (src: string) => sizes([...closure(src)].filter((k) => !first.has(k)));
    const drills = Object.keys(manifest).find((k) => k.includes('shipped-drills'));
    const firstText = firstSizes.files.map((f) => readFileSync(join(outDir, f), 'utf8')).join('');

    console.log('\nFirst load (gzip -9)');
    console.log(
      `  JS code        ${kb(firstSizes.js).padStart(9)}  (${firstSizes.files.length} file(s); target ≤ ${TARGET_FIRST_LOAD_KB} KB)`,
    );
    console.log(`  CSS            ${kb(firstSizes.css).padStart(9)}`);
    if (drills) {
      console.log(
        `  drill content  ${kb(beyond(drills).js).padStart(9)}  (fetched at start to fill the library; data, checked at build time)`,
      );
    }
    console.log('Loaded only when opened, beyond the first load (gzip -9)');
    for (const [label, src] of [
      ['编写与试玩 authoring view', 'src/authoring/authoring-view.tsx'],
      ['编写指南 help', 'src/ui/help-screen.tsx'],
      ['导入检查 import checker', 'src/scenario/check-file.ts'],
      ['查看全文 law article', 'src/ui/article-dialog.tsx'],
      ['复盘 debrief', 'src/ui/debrief/debrief-screen.tsx'],
      ['班级复盘 class overview', 'src/ui/class/class-page.tsx'],
    ] as const) {
      const part = beyond(src);
      console.log(`  ${label.padEnd(26)} JS ${kb(part.js).padStart(9)}, CSS ${kb(part.css).padStart(8)}`);
    }
    for (const [label, prefix] of [
      ['最佳路线 search worker', 'run-analysis.worker'],
      ['班级载入 intake worker', 'class-intake.worker'],
    ] as const) {
      const worker = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith(prefix));
      if (worker) console.log(`  ${label.padEnd(26)} JS ${kb(gzOf(join('assets', worker))).padStart(9)}`);
    }
    // The authoring view's own words and its layout library, looked for in the first load.
    const leaked = ['从此处试玩', 'dagre'].filter((marker) => firstText.includes(marker));
    console.log(`  authoring code in the first load: ${leaked.length ? `yes (${leaked.join(', ')})` : 'none'}`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function chooseTimings(): void {
  const dir = new URL('../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  console.log('\nchoose() on each shipped drill (random play, 2,000 runs)');
  for (const file of files) {
    const result = load(readFileSync(new URL(file, dir), 'utf8'));
    if (!result.ok) {
      console.log(`  ${file}: does not load (${result.problems.length} problem(s))`);
      continue;
    }
    const { scenario } = result;
    const samples: number[] = [];
    let pick = 12345;
    for (let run = 0; run < 2000; run++) {
      let state = start(scenario, run);
      while (state.ending === null) {
        const offered = offeredChoices(scenario, state);
        pick = (pick * 1103515245 + 12345) >>> 0;
        const timed = currentDecision(scenario, state)?.timeLimitSec !== undefined;
        const choice = timed && pick % 10 === 0 ? TIMEOUT : (offered[pick % offered.length]?.id ?? TIMEOUT);
        const t0 = performance.now();
        [state] = choose(scenario, state, choice, 1000);
        samples.push(performance.now() - t0);
      }
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)] ?? 0;
    const p95 = samples[Math.floor(samples.length * 0.95)] ?? 0;
    console.log(
      `  ${file}: median ${(median * 1000).toFixed(1)} µs, p95 ${(p95 * 1000).toFixed(1)} µs over ${samples.length} calls`,
    );
  }
}

/** Median of `runs` timings of `f` (after `prepare`, untimed), in microseconds, after a warm-up. */
function medianMicros<T>(runs: number, prepare: () => T, f: (x: T) => void): number {
  for (let i = 0; i < Math.max(2000, runs); i++) f(prepare());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = prepare();
    const t0 = performance.now();
    f(x);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return (samples[samples.length >> 1] ?? 0) * 1000;
}

function worldTimings(): void {
  const scenario = worldOf(10, []);
  const base = initWorld(scenario);
  advanceWorld(scenario, base, 5 * 1440);
  const day = medianMicros(
    10_000,
    () => cloneWorld(base),
    (w) => advanceWorld(scenario, w, base.t + 1440),
  );
  console.log('\nWorld (10 regions, ring of travel, epidemic seeded)');
  console.log(`  advance one in-game day: median ${day.toFixed(1)} µs (target ≤ 20 µs)`);
  const decisions = Array.from({ length: 40 }, (_, i) => ({ choiceId: i % 3 === 0 ? 'close' : 'act', realMs: 5000 }));
  const state = replay(scenario, 1, decisions);
  const ms =
    medianMicros(
      300,
      () => decisions,
      (log) => replay(scenario, 1, log),
    ) / 1000;
  console.log(
    `  replay a 40-decision, ${(state.clock / 1440).toFixed(0)}-day drill: median ${ms.toFixed(2)} ms (target ≤ 5 ms)`,
  );
}

/** Median of `runs` timings of `f`, in milliseconds, after two untimed runs. */
function medianMs(runs: number, f: () => void): number {
  f();
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1] ?? 0;
}

/** `load` on a 10,000-node drill, whole and by stage: what an instructor waits for on import or `npm run validate`. */
function loadTimings(): void {
  const nodes = 10_000;
  const text = JSON.stringify(largeDrill(nodes));
  const result = load(text);
  const choices = result.ok
    ? result.scenario.nodes.reduce((n, x) => n + (x.kind === 'decision' ? x.choices.length : 0), 0)
    : 0;
  console.log(
    `\nload() on a generated ${nodes.toLocaleString('en')}-node drill (${(text.length / 1024 / 1024).toFixed(1)} M characters, ${choices.toLocaleString('en')} choices)`,
  );
  if (!result.ok) {
    console.log(`  does not load: ${result.problems[0]?.pointer} ${result.problems[0]?.message}`);
    return;
  }
  if (result.warnings.length > 0)
    console.log(`  (${result.warnings.length} warning(s): ${result.warnings[0]?.message})`);
  const total = medianMs(9, () => load(text));
  console.log(`  parse, schema and lint: median ${total.toFixed(0)} ms (target ≤ ${TARGET_LOAD_MS} ms)`);
  const data = JSON.parse(text);
  const parse = medianMs(7, () => JSON.parse(text));
  const shape = medianMs(7, () => hasScenarioShape(data));
  const schema = medianMs(3, () => v.safeParse(ScenarioSchema, data));
  const scenario = result.scenario;
  const linted = medianMs(7, () => lint(scenario));
  console.log(
    `  by stage: JSON.parse ${parse.toFixed(0)} ms, shape (compiled check) ${shape.toFixed(0)} ms, lint ${linted.toFixed(0)} ms`,
  );
  console.log(`  (valibot's own walk, taken only when the shape is wrong, for its messages: ${schema.toFixed(0)} ms)`);
}

/**
 * The debrief's best line on each shipped drill: the search from the start, and the whole analysis
 * of a run (a search from every decision). Each call of `choose` inside the search is set against
 * a plain `choose` timed in the same run, so the figure that matters — the search's own overhead
 * (memo keys, the beam) — holds on a noisy machine.
 */
function bestLineTimings(): void {
  const dir = new URL('../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  console.log(
    `\nBest line (beam ${DEFAULT_LIMITS.width}, at most ${DEFAULT_LIMITS.maxSteps.toLocaleString('en')} steps a search; in a Web Worker in the app)`,
  );
  for (const file of files) {
    const result = load(readFileSync(new URL(file, dir), 'utf8'));
    if (!result.ok || result.scenario.nodes.length < 3) continue;
    const { scenario } = result;
    const first = start(scenario, 1);
    let found = searchBestLine(scenario, first);
    const searchMs = medianMs(3, () => {
      found = searchBestLine(scenario, first);
    });
    // A run to weigh: the first choice on offer at every decision.
    const states = [first];
    const moves: string[] = [];
    for (let s = first; s.ending === null && moves.length < 200; ) {
      const move = movesAt(scenario, s)[0] as string;
      s = playMove(scenario, s, move);
      states.push(s);
      moves.push(move);
    }
    let explored = 0;
    const analysisMs = medianMs(1, () => {
      explored = analyseRun(scenario, states, moves).explored;
    });
    const plain = medianMicros(
      2000,
      () => states[Math.floor(states.length / 2)] as typeof first,
      (s) => movesAt(scenario, s).length > 0 && playMove(scenario, s, movesAt(scenario, s)[0] as string),
    );
    const perStep = (searchMs * 1000) / Math.max(1, found.explored);
    console.log(
      `  ${file}: from the start ${searchMs.toFixed(0)} ms, ${found.explored.toLocaleString('en')} steps, ${found.exhaustive ? 'exhaustive' : 'bounded'}; ` +
        `${perStep.toFixed(0)} µs a step = ${(perStep / Math.max(plain, 0.001)).toFixed(1)}× a plain choose (${plain.toFixed(0)} µs); ` +
        `a ${moves.length}-decision run weighed whole: ${analysisMs.toFixed(0)} ms, ${explored.toLocaleString('en')} steps`,
    );
  }
}

// The world's hot loop is timed first, in a fresh process, before the build and the drill
// timings have filled the heap and made its property accesses polymorphic.
worldTimings();
// Next, before the random play below has left a large heap for the collector to walk.
loadTimings();
chooseTimings();
bestLineTimings();
await firstLoad();
