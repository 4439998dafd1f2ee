/**
 * The inkjs peer: the runtime of ink, the best-known engine for branching stories, given the same
 * story as the generated drill (scripts/bench-drill.ts) and timed in the same process as our engine.
 *
 * The story is written from the drill itself, so the two cannot drift apart: one knot per node
 * (same ids), one sticky choice (`+`) per choice, the drill's `when` as the choice's condition, its
 * branches as conditional diverts, its variables (clamped to their range as our `add` clamps) and
 * the in-game clock as ink variables every choice changes. The drill only leads forward, so the
 * 1,000-choice walks loop by starting again at an ending, on both sides alike. Back edges were not
 * added to the drill: a cycle that can score changes what lint does, and the load row's baseline
 * would move with it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Compiler, Story } from 'inkjs/full';
import { parseDuration } from '../src/engine/clock';
import { choose, offeredChoices, start } from '../src/engine/run';
import type { RunState } from '../src/engine/types';
import { contentHash } from '../src/scenario/hash';
import type { Choice, Condition, Scenario } from '../src/scenario/schema';
import { collector } from './bench-engine';

/** The clock: minutes since the drill's start, advanced by each choice's `takes`. */
const CLOCK = 'minutes';

/** A condition as an ink expression. Only what a generated drill uses; anything else is a bug here. */
function inkCondition(c: Condition): string {
  if ('all' in c) return `(${c.all.map(inkCondition).join(' && ')})`;
  if ('any' in c) return `(${c.any.map(inkCondition).join(' || ')})`;
  if ('not' in c) return `(not ${inkCondition(c.not)})`;
  if ('visited' in c) return `(${c.visited} > 0)`;
  if ('after' in c) return `(${CLOCK} >= ${parseDuration(c.after)})`;
  if ('before' in c) return `(${CLOCK} < ${parseDuration(c.before)})`;
  if ('var' in c) return `(${c.var} ${c.op} ${c.value})`;
  throw new Error(`bench-ink: no ink for condition ${JSON.stringify(c)}`);
}

function inkChoice(scenario: Scenario, choice: Choice): string[] {
  const range = new Map(
    (scenario.variables ?? []).map((v) => [v.id, v.type === 'number' ? [v.min ?? -1e9, v.max ?? 1e9] : null]),
  );
  const lines = [`+ ${choice.when ? `{${inkCondition(choice.when)}} ` : ''}[${choice.label}]`];
  lines.push(`  ~ ${CLOCK} += ${parseDuration(choice.takes)}`);
  for (const effect of choice.effects ?? []) {
    if (effect.op === 'set') lines.push(`  ~ ${effect.var} = ${effect.value}`);
    else if (effect.op === 'add') {
      const [min, max] = range.get(effect.var) ?? [-1e9, 1e9];
      lines.push(`  ~ ${effect.var} = MIN(MAX(${effect.var} + ${effect.value}, ${min}), ${max})`);
    } else throw new Error(`bench-ink: no ink for effect ${effect.op}`);
  }
  lines.push(`  ${choice.feedback}`);
  if (typeof choice.next === 'string') lines.push(`  -> ${choice.next}`);
  else {
    lines.push('  {');
    for (const branch of choice.next) {
      lines.push(`  - ${branch.when ? inkCondition(branch.when) : 'else'}: -> ${branch.to}`);
    }
    lines.push('  }');
  }
  return lines;
}

/** The drill as ink source: what inkjs's compiler is given. */
export function inkStoryOf(scenario: Scenario): string {
  const lines: string[] = [];
  for (const v of scenario.variables ?? []) lines.push(`VAR ${v.id} = ${v.initial}`);
  lines.push(`VAR ${CLOCK} = 0`, `-> ${scenario.start}`, '');
  for (const node of scenario.nodes) {
    lines.push(`=== ${node.id} ===`, node.title, node.text);
    if (node.kind === 'decision') for (const choice of node.choices) lines.push(...inkChoice(scenario, choice));
    else lines.push('-> END');
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The compiled story's JSON (what an ink game ships). Compiling 10,000 knots takes a while, so it
 * is done once and kept in the temp directory under the source's hash: never inside a timing.
 */
export function compiledInk(source: string, log: (line: string) => void = () => {}): string {
  const file = join(tmpdir(), `tuiyan-bench-ink-${contentHash(source)}.json`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  log('compiling the ink story (once; cached in the temp directory)…');
  const compiler = new Compiler(source);
  const story = compiler.Compile();
  if (compiler.errors.length > 0) throw new Error(`bench-ink: ink does not compile: ${compiler.errors[0]}`);
  const json = story.ToJson() as string;
  writeFileSync(file, json);
  return json;
}

/** The LCG both walks pick by, so that where the two offer the same choices they take the same one. */
const nextPick = (pick: number) => (Math.imul(pick, 1103515245) + 12345) >>> 0;

/**
 * A walk of our engine. `step` times `choose` alone (the issue's measure); `withOffered` keeps, for
 * each step, `choose` and then the choices the next screen offers, which ink's Continue also works out.
 */
export class OurWalk {
  private state: RunState;
  private offered: Choice[];
  private pick = 12345;
  private readonly titleOf: Map<string, string>;
  /** The title of each node reached, for checking that both walks go the same way. */
  readonly titles: string[] = [];
  readonly withOffered: number[] = [];

  constructor(private readonly scenario: Scenario) {
    this.titleOf = new Map(scenario.nodes.map((n) => [n.id, n.title]));
    this.state = start(scenario, 1);
    this.offered = offeredChoices(scenario, this.state);
  }

  /** One choice, timed; a restart at an ending is not. Milliseconds. */
  step(): number {
    if (this.state.ending !== null || this.offered.length === 0) {
      this.state = start(this.scenario, 1);
      this.offered = offeredChoices(this.scenario, this.state);
    }
    this.pick = nextPick(this.pick);
    const id = (this.offered[(this.pick >>> 8) % this.offered.length] as Choice).id;
    const t0 = performance.now();
    [this.state] = choose(this.scenario, this.state, id, 1000);
    const ms = performance.now() - t0;
    this.offered = offeredChoices(this.scenario, this.state);
    this.withOffered.push(performance.now() - t0);
    this.titles.push(this.titleOf.get(this.state.ending ?? this.state.nodeId) ?? '?');
    return ms;
  }
}

/**
 * The same walk in inkjs: ChooseChoiceIndex, then ContinueMaximally to the next choices. The story is
 * loaded once and started again for each walk: a loaded story holds about 100 MB.
 */
export class InkWalk {
  private pick = 12345;
  readonly titles: string[] = [];

  constructor(private readonly story: Story) {
    story.ResetState();
    story.ContinueMaximally();
  }

  step(): number {
    if (this.story.currentChoices.length === 0) {
      this.story.ResetState();
      this.story.ContinueMaximally();
    }
    this.pick = nextPick(this.pick);
    const choices = this.story.currentChoices;
    const t0 = performance.now();
    this.story.ChooseChoiceIndex((this.pick >>> 8) % choices.length);
    const text = this.story.ContinueMaximally();
    const ms = performance.now() - t0;
    // The text is the choice's feedback, then the next knot's title and text.
    this.titles.push(text.split('\n')[1] ?? '?');
    return ms;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

export interface ChooseVersus {
  /** Median of one choice, in microseconds. */
  oursMicros: number;
  inkMicros: number;
  /** `choose` and then `offeredChoices` for the next screen, median, in microseconds. */
  oursWithOfferedMicros: number;
  /** Ours ÷ ink per round (each round a 1,000-choice walk on each side), lowest and highest. */
  roundRatios: [number, number];
  /** Of the choices made, the share after which both walks stood on the same node. */
  sameWay: number;
}

/**
 * `choices` choices on each side per round, interleaved round by round (the first side alternating)
 * so that noise on a shared machine hits both alike; after one untimed round of each to warm up.
 */
export function chooseVersus(scenario: Scenario, json: string, choices: number, rounds: number): ChooseVersus {
  const ours: number[] = [];
  const withOffered: number[] = [];
  const ink: number[] = [];
  const ratios: number[] = [];
  let same = 0;
  let made = 0;
  const gc = collector();
  // Each walk starts on a collected heap, so neither pays for the other's garbage.
  const walk = (w: OurWalk | InkWalk) => {
    gc();
    return Array.from({ length: choices }, () => w.step());
  };
  const story = new Story(json);
  walk(new OurWalk(scenario));
  walk(new InkWalk(story));
  for (let r = 0; r < rounds; r++) {
    const a = new OurWalk(scenario);
    const b = new InkWalk(story);
    let oa: number[];
    let ob: number[];
    if (r % 2 === 0) {
      oa = walk(a);
      ob = walk(b);
    } else {
      ob = walk(b);
      oa = walk(a);
    }
    ours.push(...oa);
    withOffered.push(...a.withOffered);
    ink.push(...ob);
    ratios.push(median(oa) / median(ob));
    a.titles.forEach((t, i) => {
      made++;
      if (t === b.titles[i]) same++;
    });
  }
  return {
    oursMicros: median(ours) * 1000,
    inkMicros: median(ink) * 1000,
    oursWithOfferedMicros: median(withOffered) * 1000,
    roundRatios: [Math.min(...ratios), Math.max(...ratios)],
    sameWay: same / Math.max(1, made),
  };
}

/** How long the next timing waits after an ink load, and how long one may take before the bench gives up. */
const SETTLE_MS = 200;
const GIVE_UP_MS = 120_000;

/**
 * inkjs loading a compiled story from its text (it parses the JSON itself, as our `load` does), in
 * a worker thread of this process: its own isolate and heap. Loaded in ours, its 100 MB of heap a
 * load left the isolate in a state that slowed the `load` timed after it (three processes: our median
 * 174, 243, 237 ms with ink loads interleaved; 143/145, 137/222, 146/145 ms in the blocks just before
 * and after, none between), so each side would be charged for the other. `load()` waits for the time, in milliseconds.
 */
export class InkLoads {
  private readonly worker: Worker;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly result = new Float64Array(new SharedArrayBuffer(8));

  constructor(json: string) {
    this.worker = new Worker(new URL('./bench-ink-worker.mjs', import.meta.url), {
      workerData: { json, signal: this.signal, result: this.result },
    });
  }

  load(): number {
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage(null);
    // The main thread may block here: nothing else runs while a timing is taken.
    if (Atomics.wait(this.signal, 0, 0, GIVE_UP_MS) === 'timed-out')
      throw new Error('inkjs took over 2 minutes to load');
    if (Atomics.load(this.signal, 0) === 2) throw new Error('inkjs could not load the compiled story');
    // V8's threads still free the story's pages for a while after it is collected, on the core the
    // next timing's compiler would use: they are let finish first.
    Atomics.wait(this.signal, 0, 1, SETTLE_MS);
    return this.result[0] as number;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
