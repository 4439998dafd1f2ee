import type { WorldState } from '../engine/world';
import type { Scenario } from '../scenario/schema';
import { formatCount } from './number-format';

const COLOURS = ['#a4161a', '#1d4ed8', '#047857', '#b45309', '#6d28d9', '#0e7490', '#be185d', '#4d7c0f'];
/** Above the plot, two rows of decision numbers; below it, a row of inject marks, then the time ticks. */
const PAD = { left: 48, right: 14, top: 30, bottom: 30 };
/** The height of one row of labels. */
const ROW = 11;

export interface ChartMarker {
  clock: number;
  label: string;
  /** What the marker stands for, for hover and screen readers. */
  title: string;
  kind: 'decision' | 'inject';
}

/**
 * Where minute `minutes` of a run that has reached `tMax` falls on the time axis, from `left` (开局)
 * to `right`: the square root of the share of the run, so that the first hours, where a drill
 * asks most of its decisions, get room (the first day of a ten-day run takes a third of the width,
 * not a tenth) while the later days, where the curves show what the decisions did, keep theirs.
 *
 * One scale, not a toggle between this and a proportional one: the debrief is printed, and only
 * one state of a toggle reaches the paper, so that one must carry the markers; a second scale
 * would add to the trainee's first load for a view read once. The distortion is stated instead:
 * the caption says 时间轴前段放大 and each labelled tick has its grid line.
 */
export function timeToX(minutes: number, tMax: number, left: number, right: number): number {
  return left + Math.sqrt(Math.min(1, Math.max(0, minutes / tMax))) * (right - left);
}

/** Rough width of a label at the chart's 10px: CJK characters are square, digits about half that. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c < '\u0100' ? 6 : 10), 0);

/** The points a tick may stand at, in minutes, most readable first: 开局, then whole days before hours. */
const TICKS = [0, 1440, 10080, 43200, 360, 2880, 20160, 720, 5760, 4320, 86400, 30240, 129600, 259200, 525600, 180, 60];

/**
 * The ticks of the time axis: readable points (开局, 1小时 … 12小时, 1天 … 365天) up to `tMax`,
 * taken in order of readability where their labels fit without touching, then left to right.
 */
export function timeTicks(tMax: number, x: (minutes: number) => number, right: number) {
  const taken: { minutes: number; label: string; x: number }[] = [];
  for (const minutes of TICKS) {
    const label = minutes === 0 ? '开局' : minutes % 1440 ? `${minutes / 60}小时` : `${minutes / 1440}天`;
    const at = x(minutes);
    const half = textWidth(label) / 2;
    const fits = taken.every((t) => Math.abs(t.x - at) >= half + textWidth(t.label) / 2 + 6);
    if (minutes <= tMax && at + half <= right && fits) taken.push({ minutes, label, x: at });
  }
  return taken.sort((a, b) => a.minutes - b.minutes);
}

/**
 * Labels of width `w` wanted at `x`, in x order, placed on `rows` rows without overlapping (while
 * `lo`–`hi` has room for them): each on the first row where it fits where it is wanted; where none
 * has room, on the row least in the way, and that row's labels pushed apart just enough (a run of
 * touching labels centred on where its markers are, within `lo`–`hi`). Every label is shown; the
 * chart ties one moved off its marker back to it with a leader line.
 */
export function placeLabels<T extends { x: number; w: number }>(
  items: readonly T[],
  rows: number,
  lo: number,
  hi: number,
): (T & { row: number })[] {
  const ends = Array<number>(rows).fill(Number.NEGATIVE_INFINITY);
  const placed = items.map((item) => {
    let row = ends.findIndex((end) => item.x - item.w / 2 >= end + 2);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(item.x + item.w / 2, (ends[row] ?? 0) + 2 + item.w);
    return { ...item, row };
  });
  for (let r = 0; r < rows; r++) {
    // Runs of labels that touch, each centred on its markers, merged with the run before while they overlap.
    const runs: { labels: typeof placed; width: number; sum: number; left: number }[] = [];
    for (const label of placed.filter((p) => p.row === r)) {
      let run = { labels: [label], width: label.w, sum: label.x - label.w / 2, left: 0 };
      for (;;) {
        run.left = Math.max(lo, Math.min(hi - run.width, run.sum / run.labels.length));
        const prev = runs.at(-1);
        if (!prev || prev.left + prev.width + 2 <= run.left) break;
        runs.pop();
        const shift = prev.width + 2;
        const sum = prev.sum + run.sum - run.labels.length * shift;
        run = { labels: [...prev.labels, ...run.labels], width: shift + run.width, sum, left: 0 };
      }
      runs.push(run);
    }
    for (const run of runs) {
      let left = run.left;
      for (const label of run.labels) {
        label.x = left + label.w / 2;
        left += label.w + 2;
      }
    }
  }
  return placed;
}

/** 1, 2, 5 × 10^n at or above `x`: a round top for the y axis. */
function niceCeil(x: number): number {
  if (x <= 10) return 10;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * p >= x) ?? 10) * p;
}

/** Each region's cumulative infections over in-game time, with the decisions marked. Plain SVG. */
export function CasesChart({
  scenario,
  world,
  markers,
  width = 400,
  height = 190,
}: {
  scenario: Scenario;
  world: WorldState;
  markers: ChartMarker[];
  width?: number;
  height?: number;
}) {
  const regions = scenario.regions ?? [];
  if (!scenario.epidemic || regions.length === 0) return null;
  const { t, cases } = world.series;
  const tMax = Math.max(1440, t[t.length - 1] ?? 0, ...markers.map((m) => m.clock));
  const yMax = niceCeil(Math.max(...cases.flat()));
  const right = width - PAD.right;
  const bottom = height - PAD.bottom;
  const x = (minutes: number) => timeToX(minutes, tMax, PAD.left, right);
  const y = (n: number) => bottom - (n / yMax) * (bottom - PAD.top);
  const summary = regions
    .map((r, i) => `${r.name} ${Math.round(cases[i]?.[0] ?? 0)} → ${Math.round(cases[i]?.[cases[i].length - 1] ?? 0)}`)
    .join('；');
  const sorted = [...markers].sort((a, b) => a.clock - b.clock);
  const marks = (['decision', 'inject'] as const).flatMap((kind) => {
    // An inject's badge is 11 wide; a decision's number as wide as its digits.
    const ms = sorted
      .filter((m) => m.kind === kind)
      .map((m) => ({ m, x: x(m.clock), w: kind === 'inject' ? 11 : textWidth(m.label) + 1 }));
    return placeLabels(ms, kind === 'decision' ? 2 : 1, PAD.left - 8, right + 8);
  });

  return (
    <figure className="cases-chart">
      <figcaption>
        各地累计感染 <small>时间轴前段放大</small>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`各地累计感染随推演时间的变化：${summary}`}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={right} y1={y(yMax * f)} y2={y(yMax * f)} className="grid" />
            <text x={PAD.left - 4} y={y(yMax * f) + 4} textAnchor="end" className="tick">
              {formatCount(yMax * f)}
            </text>
          </g>
        ))}
        {timeTicks(tMax, x, width).map((tick) => (
          <g key={tick.minutes}>
            <line x1={tick.x} x2={tick.x} y1={PAD.top} y2={bottom} className="grid" />
            <text x={tick.x} y={height - 4} textAnchor="middle" className="tick">
              {tick.label}
            </text>
          </g>
        ))}
        {marks.map(({ m, x: labelX, row }, i) => {
          const at = x(m.clock);
          const decision = m.kind === 'decision';
          // A decision's number above the plot (row 0 the nearer), an inject's badge below it, each tied to its moment.
          const labelY = decision ? PAD.top - 4 - row * ROW : bottom + 13;
          const [from, to] = decision ? [PAD.top, bottom] : [bottom, PAD.top];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: two injects may fire at the same minute
            <g key={i} className={`marker ${m.kind}`}>
              <title>{m.title}</title>
              <polyline
                fill="none"
                points={`${labelX},${decision ? labelY + 2 : bottom + 4} ${at},${from} ${at},${to}`}
              />
              {!decision && <circle cx={labelX} cy={bottom + 9.5} r={5.5} />}
              <text x={labelX} y={labelY} textAnchor="middle">
                {m.label}
              </text>
            </g>
          );
        })}
        {regions.map((r, i) => (
          <polyline
            key={r.id}
            fill="none"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={r.id === scenario.roleRegion ? 2.5 : 1.5}
            points={t.map((minutes, k) => `${x(minutes).toFixed(1)},${y(cases[i]?.[k] ?? 0).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <ul className="legend">
        {regions.map((r, i) => (
          <li key={r.id}>
            <span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {r.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Decision markers (numbered from 1, at the moment each was made) and inject markers for a run's chart. */
export function runMarkers(
  scenario: Scenario,
  timeline: readonly { clockAt: number }[],
  injects: readonly { id: string; clock: number }[],
) {
  return [
    ...timeline.map(
      (e, i): ChartMarker => ({
        clock: e.clockAt,
        label: String(i + 1),
        title: `第 ${i + 1} 个决定`,
        kind: 'decision',
      }),
    ),
    ...injects.map(
      (e): ChartMarker => ({
        clock: e.clock,
        label: '!',
        title: `事件：${scenario.injects?.find((i) => i.id === e.id)?.title ?? e.id}`,
        kind: 'inject',
      }),
    ),
  ];
}

/** The chart beside a run: its regions' curves with the run's decisions and injects marked. */
export default function RunCasesChart({
  scenario,
  world,
  timeline,
  injects,
}: {
  scenario: Scenario;
  world: WorldState;
  timeline: readonly { clockAt: number }[];
  injects: readonly { id: string; clock: number }[];
}) {
  return <CasesChart scenario={scenario} world={world} markers={runMarkers(scenario, timeline, injects)} />;
}
