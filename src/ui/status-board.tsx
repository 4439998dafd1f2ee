import { useId } from 'react';
import type { RegionSnapshot } from '../engine/types';
import type { WorldState } from '../engine/world';
import type { Scenario } from '../scenario/schema';
import { formatCount, formatOneDecimal } from './number-format';

const LEVEL = ['未启动', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'];

/** Per region: infections, deaths, patients against beds, trust; then the supply stocks. */
export function StatusBoard({ scenario, world }: { scenario: Scenario; world: WorldState }) {
  // The run's side and the debrief both show the board, one hidden beside the other for a moment.
  const heading = useId();
  const regions = scenario.regions ?? [];
  if (regions.length === 0) return null;
  const supplies = scenario.supplies ?? [];
  // A flood or a chemical leak has regions but no epidemic: show no infection columns then.
  const epidemic = scenario.epidemic !== undefined;
  return (
    <section className="status-board" aria-labelledby={heading}>
      <h2 id={heading}>
        各地态势 <span className="muted">应急响应：{LEVEL[world.responseLevel]}</span>
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">地区</th>
            {epidemic && <th scope="col">累计感染</th>}
            {epidemic && <th scope="col">死亡</th>}
            {epidemic && <th scope="col">住院/床位</th>}
            <th scope="col">信任</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r, i) => {
            const s = world.regions[i];
            if (!s) return null;
            const overflow = s.H > s.beds;
            return (
              <tr key={r.id} className={r.id === scenario.roleRegion ? 'own' : undefined}>
                <th scope="row">
                  {r.name}
                  {r.id === scenario.roleRegion && <span className="muted">（本地）</span>}
                </th>
                {epidemic && <td>{formatCount(s.cum)}</td>}
                {epidemic && <td>{formatCount(s.D)}</td>}
                {epidemic && (
                  <td className={overflow ? 'overflow' : undefined}>
                    {formatCount(s.H)}/{formatCount(s.beds)}
                    {overflow && <span className="visually-hidden">（床位不足）</span>}
                  </td>
                )}
                <td>{Math.round(s.trust)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {supplies.length > 0 && (
        <table className="supplies">
          <caption>物资库存</caption>
          <thead>
            <tr>
              <th scope="col">地区</th>
              {supplies.map((x) => (
                <th key={x.id} scope="col">
                  {x.name}（{x.unit}）
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                {supplies.map((x) => (
                  <td key={x.id}>{formatOneDecimal(world.regions[i]?.supplies[x.id] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The change in each region between two snapshots, for the consequence screen. */
export function RegionChanges({
  scenario,
  before,
  after,
}: {
  scenario: Scenario;
  before: RegionSnapshot[];
  after: RegionSnapshot[];
}) {
  const regions = scenario.regions ?? [];
  const delta = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '±0');
  return (
    <table className="region-changes">
      <caption>各地变化</caption>
      <thead>
        <tr>
          <th scope="col">地区</th>
          <th scope="col">新增感染</th>
          <th scope="col">新增死亡</th>
          <th scope="col">住院/床位</th>
          <th scope="col">信任</th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r, i) => {
          const b = before[i];
          const a = after[i];
          if (!a || !b) return null;
          return (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{delta(a.cases - b.cases)}</td>
              <td>{delta(a.deaths - b.deaths)}</td>
              <td className={a.hospitalised > a.beds ? 'overflow' : undefined}>
                {formatCount(a.hospitalised)}/{formatCount(a.beds)}
              </td>
              <td>
                {a.trust}（{delta(a.trust - b.trust)}）
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
