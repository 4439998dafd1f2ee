import type { WorldState } from '../engine/world';
import type { Scenario } from '../scenario/schema';

const COLOURS = ['#a4161a', '#1d4ed8', '#047857', '#b45309', '#6d28d9', '#0e7490', '#be185d', '#4d7c0f'];
const PAD = { left: 48, right: 12, top: 16, bottom: 24 };

export interface ChartMarker {
  clock: number;
  label: string;
  /** What the marker stands for, for hover and screen readers. */
  title: string;
  kind: 'decision' | 'inject';
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
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (minutes: number) => PAD.left + (minutes / tMax) * plotW;
  const y = (n: number) => PAD.top + plotH - (n / yMax) * plotH;
  const days = tMax / 1440;
  const dayStep = days <= 7 ? 1 : days <= 21 ? 3 : 7;
  const dayTicks = Array.from({ length: Math.floor(days / dayStep) + 1 }, (_, i) => i * dayStep);
  const summary = regions
    .map((r, i) => `${r.name} ${Math.round(cases[i]?.[0] ?? 0)} → ${Math.round(cases[i]?.[cases[i].length - 1] ?? 0)}`)
    .join('；');

  return (
    <figure className="cases-chart">
      <figcaption>各地累计感染</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`各地累计感染随推演时间的变化：${summary}`}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(yMax * f)} y2={y(yMax * f)} className="grid" />
            <text x={PAD.left - 4} y={y(yMax * f) + 4} textAnchor="end" className="tick">
              {Math.round(yMax * f).toLocaleString('zh-CN')}
            </text>
          </g>
        ))}
        {dayTicks.map((dd) => (
          <text key={dd} x={x(dd * 1440)} y={height - 6} textAnchor="middle" className="tick">
            {dd === 0 ? '开局' : `${dd}天`}
          </text>
        ))}
        {labelled(markers, x).map(({ marker: m, showLabel }, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two injects may fire at the same minute
          <g key={i} className={`marker ${m.kind}`}>
            <title>{m.title}</title>
            <line x1={x(m.clock)} x2={x(m.clock)} y1={PAD.top} y2={PAD.top + plotH} />
            {showLabel && (
              <text x={x(m.clock)} y={PAD.top - 4} textAnchor="middle" className="tick">
                {m.label}
              </text>
            )}
          </g>
        ))}
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

/** Markers in time order, labelled only where the label does not run into the previous one. */
function labelled(markers: readonly ChartMarker[], x: (minutes: number) => number) {
  let lastX = Number.NEGATIVE_INFINITY;
  return [...markers]
    .sort((a, b) => a.clock - b.clock)
    .map((marker) => {
      const showLabel = x(marker.clock) - lastX >= 12;
      if (showLabel) lastX = x(marker.clock);
      return { marker, showLabel };
    });
}
