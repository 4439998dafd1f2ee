/**
 * A class's runs of one drill, taken together for the instructor: how the class chose at each
 * decision point and how long it took, how its scores and endings fall, which losses it shares
 * and with which lessons, and a ranking. Pure: built from the results files alone, with the drill
 * (when the library has it) to name the options nobody took and the references, and the lecture's
 * lessons (docs/lessons.md) to name what each decision exercises.
 */
import { DIMENSIONS } from '../engine/scoring';
import type { Dimension, Scenario } from '../scenario/schema';
import { RULE_CAUSE } from './after-action';
import type { ClassRun } from './class-intake';
import type { ResultsFile } from './results-file';

/** One of the lecture's twelve lessons and the decisions (drill/node) that exercise it. */
export interface Lesson {
  id: string;
  name: string;
  decisions: readonly string[];
}

export interface OptionShare {
  choiceId: string;
  label: string;
  count: number;
  /** Of the trainees who met the decision, 0–1. */
  share: number;
}

export interface DecisionPoint {
  nodeId: string;
  title: string;
  /** Times it was met: a drill with a loop may bring a trainee back to it. */
  met: number;
  /** Trainees who met it (a decision on some routes only is met by fewer). */
  trainees: number;
  options: OptionShare[];
  /** Real seconds taken: mean and standard deviation over those who met it. */
  seconds: { mean: number; sd: number };
  timeouts: number;
  lessons: string[];
}

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface DimensionSpread extends Spread {
  dimension: Dimension;
  /** Trainees per band of ten points: 0–9, 10–19, …, 90–100. */
  histogram: number[];
}

export interface EndingShare {
  id: string;
  title: string;
  tone: 'good' | 'mixed' | 'bad' | null;
  count: number;
  share: number;
}

export interface SharedLoss {
  key: string;
  /** What caused it, in words. */
  cause: string;
  /** Trainees who lost points to it. */
  trainees: number;
  /** Points lost, summed over the class, per dimension (negative). */
  points: Record<Dimension, number>;
  reason: string;
  refs: string[];
  lessons: string[];
}

export interface RankedTrainee {
  /** The run's id (ClassRun.id). */
  id: string;
  file: string;
  name: string;
  /** The mean of the three scores. */
  mean: number;
  scores: Record<Dimension, number>;
  ending: string;
  /** The time limits the scores were made under. */
  timeLimits: ResultsFile['timeLimits'];
}

export interface ClassOverview {
  drill: ResultsFile['drill'];
  trainees: number;
  decisions: DecisionPoint[];
  dimensions: DimensionSpread[];
  endings: EndingShare[];
  losses: SharedLoss[];
  ranking: RankedTrainee[];
  outcome: { cases: Spread; deaths: Spread };
}

/** The losses an overview lists, most shared first. */
export const LOSSES_SHOWN = 8;

/** Runs grouped by drill, most runs first; within a drill, in the order they came. */
export function byDrill(runs: readonly ClassRun[]): ClassRun[][] {
  const groups = new Map<string, ClassRun[]>();
  for (const run of runs) {
    const group = groups.get(run.results.drill.id) ?? [];
    group.push(run);
    groups.set(run.results.drill.id, group);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, sd: 0, min: 0, max: 0 };
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

/** Bands of ten points; 100 falls in the last. */
export function histogram(scores: readonly number[]): number[] {
  const bands = new Array<number>(10).fill(0);
  for (const s of scores) {
    const band = Math.min(9, Math.max(0, Math.floor(s / 10)));
    bands[band] = (bands[band] as number) + 1;
  }
  return bands;
}

export function displayName(run: Pick<ClassRun, 'file' | 'results'>): string {
  return run.results.trainee ?? run.file.replace(/\.json$/i, '');
}

/** Each run's name, told apart where two share one (two nameless files of one name): "学员（2）". */
export function distinctNames(runs: readonly Pick<ClassRun, 'file' | 'results'>[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const name = displayName(run);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}（${n}）`;
  });
}

function lessonsOf(lessons: readonly Lesson[], drillId: string, nodeId: string | undefined): string[] {
  if (nodeId === undefined) return [];
  const at = `${drillId}/${nodeId}`;
  return lessons.filter((l) => l.decisions.includes(at)).map((l) => l.id);
}

function decisionPoints(
  runs: readonly ResultsFile[],
  scenario: Scenario | null,
  lessons: readonly Lesson[],
): DecisionPoint[] {
  const points = new Map<
    string,
    {
      title: string;
      taken: Map<string, { label: string; count: number }>;
      ms: number[];
      timeouts: number;
      order: number;
      who: Set<number>;
    }
  >();
  for (const [r, run] of runs.entries()) {
    for (const d of run.decisions) {
      const point = points.get(d.nodeId) ?? {
        title: d.nodeTitle,
        taken: new Map<string, { label: string; count: number }>(),
        ms: [] as number[],
        timeouts: 0,
        order: 0,
        who: new Set<number>(),
      };
      point.who.add(r);
      point.order += d.index;
      const option = point.taken.get(d.choiceId) ?? { label: d.choiceLabel, count: 0 };
      option.count++;
      point.taken.set(d.choiceId, option);
      point.ms.push(d.realMs);
      if (d.timedOut) point.timeouts++;
      points.set(d.nodeId, point);
    }
  }
  const nodeOrder = new Map(scenario?.nodes.map((n, i) => [n.id, i]) ?? []);
  const id = runs[0]?.drill.id ?? '';
  return [...points.entries()]
    .map(([nodeId, p]): DecisionPoint & { sortKey: number } => {
      const met = p.ms.length;
      const node = scenario?.nodes.find((n) => n.id === nodeId);
      // The drill's own options in its order, with those nobody took; then any the drill no longer has.
      const offered = node?.kind === 'decision' ? node.choices.map((c) => ({ choiceId: c.id, label: c.label })) : [];
      const known = new Set(offered.map((o) => o.choiceId));
      const counted: Omit<OptionShare, 'share'>[] = [
        ...offered.map((o) => ({ ...o, count: p.taken.get(o.choiceId)?.count ?? 0 })),
        ...[...p.taken.entries()].filter(([c]) => !known.has(c)).map(([choiceId, o]) => ({ choiceId, ...o })),
      ];
      const options = counted.map((o) => ({ ...o, share: met === 0 ? 0 : o.count / met }));
      const seconds = spread(p.ms.map((ms) => ms / 1000));
      return {
        nodeId,
        title: p.title,
        met,
        trainees: p.who.size,
        options,
        seconds: { mean: seconds.mean, sd: seconds.sd },
        timeouts: p.timeouts,
        lessons: lessonsOf(lessons, id, nodeId),
        sortKey: nodeOrder.get(nodeId) ?? p.order / met + 1e6,
      };
    })
    .sort((a, b) => a.sortKey - b.sortKey)
    .map(({ sortKey: _, ...point }) => point);
}

/** The node and the words of a loss's cause, from what the results file keeps. */
function causeOf(
  run: ResultsFile,
  source: ResultsFile['scoreEvents'][number]['source'],
  scenario: Scenario | null,
): { key: string; cause: string; nodeId?: string } {
  const decision = source.decision === null ? undefined : run.decisions[source.decision];
  switch (source.kind) {
    case 'choice':
      if (decision?.timedOut) {
        return {
          key: `timeout:${source.nodeId}`,
          cause: `「${decision.nodeTitle}」限时内没有作出决定`,
          nodeId: source.nodeId,
        };
      }
      return {
        key: `choice:${source.nodeId}:${source.choiceId}`,
        cause: `在「${decision?.nodeTitle ?? source.nodeId}」时选择「${decision?.choiceLabel ?? source.choiceId}」`,
        nodeId: source.nodeId,
      };
    case 'timeout':
      return {
        key: `timeout:${source.nodeId}`,
        cause: `「${decision?.nodeTitle ?? source.nodeId}」限时内没有作出决定`,
        nodeId: source.nodeId,
      };
    case 'timeWindow': {
      const label = scenario?.timeWindows?.find((w) => w.id === source.windowId)?.label ?? source.windowId;
      return { key: `window:${source.windowId}`, cause: `“${label}”没有在时限内完成`, nodeId: decision?.nodeId };
    }
    case 'rule': {
      const rule = RULE_CAUSE[source.rule as keyof typeof RULE_CAUSE];
      const where = decision ? `（「${decision.nodeTitle}」）` : '';
      return {
        key: `rule:${source.rule}:${decision?.nodeId ?? ''}`,
        cause: `${rule?.cause ?? source.rule}${where}`,
        nodeId: decision?.nodeId,
      };
    }
  }
}

function sharedLosses(
  runs: readonly ResultsFile[],
  scenario: Scenario | null,
  lessons: readonly Lesson[],
): SharedLoss[] {
  const losses = new Map<string, SharedLoss & { who: Set<number> }>();
  runs.forEach((run, i) => {
    for (const event of run.scoreEvents) {
      if (event.delta >= 0) continue;
      const { key, cause, nodeId } = causeOf(run, event.source, scenario);
      const loss = losses.get(key) ?? {
        key,
        cause,
        trainees: 0,
        points: { timeliness: 0, legality: 0, coordination: 0 },
        reason: event.reason,
        refs: [],
        lessons: lessonsOf(lessons, run.drill.id, nodeId),
        who: new Set<number>(),
      };
      loss.who.add(i);
      loss.points[event.dimension] += event.delta;
      for (const ref of event.refs) if (!loss.refs.includes(ref)) loss.refs.push(ref);
      losses.set(key, loss);
    }
  });
  const total = (l: SharedLoss) => DIMENSIONS.reduce((s, d) => s + l.points[d], 0);
  return [...losses.values()]
    .map(({ who, ...loss }) => ({ ...loss, trainees: who.size }))
    .sort((a, b) => b.trainees - a.trainees || total(a) - total(b))
    .slice(0, LOSSES_SHOWN);
}

/** The overview of one drill's runs (all of them on one version: see takeIntoClass). */
export function classOverview(
  runs: readonly ClassRun[],
  scenario: Scenario | null,
  lessons: readonly Lesson[],
): ClassOverview {
  const files = runs.map((r) => r.results);
  const first = files[0];
  if (!first) throw new Error('an overview needs at least one run');
  const endings = new Map<string, EndingShare>();
  for (const f of files) {
    if (!f.ending) continue;
    const e = endings.get(f.ending.id) ?? { ...f.ending, count: 0, share: 0 };
    e.count++;
    endings.set(f.ending.id, e);
  }
  const endingOrder = new Map(scenario?.nodes.map((n, i) => [n.id, i]) ?? []);
  const names = distinctNames(runs);
  const mean = (f: ResultsFile) => DIMENSIONS.reduce((s, d) => s + f.scores[d], 0) / DIMENSIONS.length;
  return {
    drill: first.drill,
    trainees: files.length,
    decisions: decisionPoints(files, scenario, lessons),
    dimensions: DIMENSIONS.map((dimension) => {
      const scores = files.map((f) => f.scores[dimension]);
      return { dimension, ...spread(scores), histogram: histogram(scores) };
    }),
    endings: [...endings.values()]
      .map((e) => ({ ...e, share: e.count / files.length }))
      .sort((a, b) => (endingOrder.get(a.id) ?? 0) - (endingOrder.get(b.id) ?? 0) || b.count - a.count),
    losses: sharedLosses(files, scenario, lessons),
    ranking: runs
      .map((run, i) => ({
        id: run.id,
        file: run.file,
        name: names[i] as string,
        mean: mean(run.results),
        scores: run.results.scores,
        ending: run.results.ending?.title ?? '',
        timeLimits: run.results.timeLimits,
      }))
      .sort((a, b) => b.mean - a.mean || a.name.localeCompare(b.name, 'zh-CN')),
    outcome: { cases: spread(files.map((f) => f.outcome.cases)), deaths: spread(files.map((f) => f.outcome.deaths)) },
  };
}
