/**
 * `load` of the generated 10,000-node drill, beside JSON.parse alone and inkjs loading the same story.
 *
 * Every timing starts from the text and so works on a fresh object: lint's caches (scenario/graph.ts, scenario/choice-fields.ts,
 * engine/scenario-index.ts) are WeakMaps keyed by the scenario object, and no cache in `load` is keyed
 * by the text, so no run reads what a run before it worked out. The stage split does the same: each
 * sample parses the text again and times the stages of `load`, in its order, on that object. What a
 * run does carry over, on purpose, is V8's: the hidden classes of the objects and the code optimised
 * for them.
 *
 * What each side loaded last is held while it loads again, as the app holds a drill when the same file
 * comes again (the editor checking a draft at each pause, the library when a file is imported anew).
 * Dropped instead, the full collection before each timing takes the hidden classes of its objects
 * with it, and V8 throws away the code it optimised for them (deopt reason "weak objects"): each load
 * then runs partly unoptimised and is optimised again. That is the state of a first load in a page,
 * or of a file shaped like no drill held: the same rounds with nothing held are timed too, in a
 * process of their own (`droppedFigures`), and printed beside.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { contentHash } from '../src/scenario/hash';
import { lint } from '../src/scenario/lint/index';
import { hasScenarioShape, lintOptionsFor, load } from '../src/scenario/load';
import { migrateScenario } from '../src/scenario/migrations';
import { SCHEMA_VERSION, type Scenario, ScenarioSchema } from '../src/scenario/schema';
import { collector, type Spread, spreadOf, timedAfterCollection } from './bench-engine';
import { InkLoads } from './bench-ink';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

export interface LoadFigures {
  /** Medians, in milliseconds. */
  ours: number;
  oursSpread: [number, number];
  /** Ours in the untimed rounds, in order: the process's first loads, while V8 still optimises (WARM_ROUNDS). */
  warming: number[];
  jsonParse: number;
  /** inkjs's `new Story(json)` on the compiled story; null when not given one. */
  ink: number | null;
  stages: { parse: number; shape: number; lint: number; hash: number };
  /** valibot's own walk, taken only for a file whose shape is wrong (for its messages). */
  valibot: number;
}

/**
 * `load` of the generated `nodes`-node drill with nothing held between loads (see above), in a process
 * of its own (scripts/bench-load-dropped.ts), the same rounds: median and spread, in milliseconds.
 */
export function droppedFigures(nodes: number, rounds: number): Spread {
  const script = fileURLToPath(new URL('./bench-load-dropped.ts', import.meta.url));
  // This process's own flags: tsx's loader, so the child reads TypeScript as this one does.
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, script, String(nodes), String(rounds), String(WARM_ROUNDS)],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`bench-load-dropped failed: ${run.stderr}`);
  return spreadOf(JSON.parse(run.stdout) as number[]);
}

/**
 * Untimed rounds first, until V8 has optimised what it will. It still optimises load's functions
 * through the fourth load of a process (--trace-opt: 22–26 functions in each of the third and the
 * fourth, 6–14 a load after), and in the bench's order the fourth load took 76–88 ms where every
 * load from the seventh on took 51–69 (three runs). With three untimed rounds the first timed one
 * was the fourth, and it moved the median of seven.
 */
export const WARM_ROUNDS = 6;

/**
 * `rounds` rounds, each timing ours, JSON.parse and inkjs once, in turn; after WARM_ROUNDS untimed.
 * The heap is collected before each timing, and inkjs loads in a worker thread with a heap of its
 * own (`InkLoads`): a story it has loaded is about 100 MB of heap (this one, measured), which
 * would otherwise be charged to whatever ran next.
 */
export function loadFigures(text: string, rounds: number, inkJson: string | null): LoadFigures {
  const gc = collector();
  const ours: number[] = [];
  const warming: number[] = [];
  const parse: number[] = [];
  const ink: number[] = [];
  const time = (f: () => unknown) => timedAfterCollection(gc, f);
  const inkLoads = inkJson === null ? null : new InkLoads(inkJson);
  // What each side loaded last: replaced only once the next load is done.
  const held: { ours?: unknown; parse?: unknown; stages?: unknown } = {};
  for (let r = -WARM_ROUNDS; r < rounds; r++) {
    const a = time(() => {
      held.ours = load(text);
    });
    const b = time(() => {
      held.parse = JSON.parse(text);
    });
    const c = inkLoads ? inkLoads.load() : 0;
    if (r < 0) {
      warming.push(a);
      continue;
    }
    ours.push(a);
    parse.push(b);
    ink.push(c);
  }
  void inkLoads?.close();
  const stages = { parse: [] as number[], shape: [] as number[], lint: [] as number[], hash: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    gc();
    let t0 = performance.now();
    const data = JSON.parse(text) as Record<string, unknown>;
    let t1 = performance.now();
    stages.parse.push(t1 - t0);
    t0 = t1;
    migrateScenario(data, SCHEMA_VERSION);
    if (!hasScenarioShape(data)) throw new Error('the generated drill is not in shape');
    t1 = performance.now();
    stages.shape.push(t1 - t0);
    t0 = t1;
    // As load lints, with its options: the placeholder walk only when the text may hold a brace.
    lint(data as unknown as Scenario, lintOptionsFor(text));
    t1 = performance.now();
    stages.lint.push(t1 - t0);
    t0 = t1;
    contentHash(text);
    stages.hash.push(performance.now() - t0);
    held.stages = data;
  }
  held.ours = undefined;
  held.parse = undefined;
  held.stages = undefined;
  const valibot = median(
    Array.from({ length: 3 }, () => {
      const data = JSON.parse(text);
      return time(() => v.safeParse(ScenarioSchema, data));
    }),
  );
  return {
    ours: median(ours),
    oursSpread: [Math.min(...ours), Math.max(...ours)],
    warming,
    jsonParse: median(parse),
    ink: inkJson === null ? null : median(ink),
    stages: {
      parse: median(stages.parse),
      shape: median(stages.shape),
      lint: median(stages.lint),
      hash: median(stages.hash),
    },
    valibot,
  };
}
