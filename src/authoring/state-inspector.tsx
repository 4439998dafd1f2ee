import { type FormEvent, useId, useMemo, useState } from 'react';
import { parseDuration } from '../engine/clock';
import { MAX_TRIAL_CLOCK, startAt } from '../engine/run';
import { findNode } from '../engine/scenario-index';
import type { Origin, VarValue } from '../engine/types';
import type { RegionOverride } from '../engine/world';
import type { Scenario } from '../scenario/schema';
import { formatGameTime } from '../ui/format';

interface Props {
  scenario: Scenario;
  nodeId: string;
  onStart: (origin: Origin) => void;
}

type RegionField = keyof RegionOverride;

const REGION_FIELDS: { key: RegionField; label: string }[] = [
  { key: 'infectious', label: '现有感染者' },
  { key: 'beds', label: '床位' },
  { key: 'trust', label: '信任度' },
];

const MAX_HOURS = MAX_TRIAL_CLOCK / 60;

/** A number typed into a field, or undefined when it is left blank or is not a number. */
function typed(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * 从此处试玩: the state the trial starts in. Every field left blank keeps what the drill itself
 * has by that hour (shown greyed in the field): the world's run-up, the injects fired on the way.
 */
export function StateInspector({ scenario, nodeId, onStart }: Props) {
  const id = useId();
  // A situation set for a later time (`at`) is met then: the trial starts there unless told otherwise.
  const [hours, setHours] = useState(() => {
    const node = findNode(scenario, nodeId);
    return String(node?.kind === 'decision' && node.at ? Math.round((parseDuration(node.at) / 60) * 10) / 10 : 0);
  });
  const [vars, setVars] = useState<Record<string, string>>({});
  const [regions, setRegions] = useState<Record<string, Partial<Record<RegionField, string>>>>({});
  const [completed, setCompleted] = useState<string[]>([]);
  const [notified, setNotified] = useState<string[]>([]);
  const clock = Math.min(MAX_TRIAL_CLOCK, Math.max(0, Math.round((typed(hours) ?? 0) * 60)));
  // What the drill has at that hour with nothing set: the fields' placeholders.
  const runUp = useMemo(
    () => startAt(scenario, 0, { node: nodeId, clock, vars: {}, regions: {} }),
    [scenario, nodeId, clock],
  );
  const others = (scenario.regions ?? []).filter((r) => r.id !== scenario.roleRegion);
  const toggle = (list: string[], item: string, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  function submit(e: FormEvent) {
    e.preventDefault();
    const values: Record<string, VarValue> = {};
    for (const v of scenario.variables ?? []) {
      const field = vars[v.id] ?? '';
      const value = v.type === 'boolean' ? (field === '' ? undefined : field === 'true') : typed(field);
      if (value !== undefined) values[v.id] = value;
    }
    const set: Record<string, RegionOverride> = {};
    for (const [region, fields] of Object.entries(regions)) {
      const o: RegionOverride = {};
      for (const { key } of REGION_FIELDS) {
        const n = typed(fields[key] ?? '');
        if (n !== undefined) o[key] = n;
      }
      if (Object.keys(o).length > 0) set[region] = o;
    }
    onStart({
      node: nodeId,
      clock,
      vars: values,
      regions: set,
      ...(completed.length > 0 && { completed }),
      ...(notified.length > 0 && { notified }),
    });
  }

  return (
    <form className="state-inspector" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>从此处试玩</h3>
      <p className="muted">先设定开始时的状态；留空的项按演练推演到那时的情况。试玩不计入任何成绩，随时可以结束。</p>
      <fieldset>
        <legend>推演时间</legend>
        <label>
          开局后
          <input
            type="number"
            min={0}
            max={MAX_HOURS}
            step="any"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            className="short"
            name="hours"
          />
          小时
        </label>
        <output className="muted"> 即 {formatGameTime(scenario.clockStart, clock)}</output>
      </fieldset>
      {(scenario.variables ?? []).length > 0 && (
        <fieldset>
          <legend>变量</legend>
          {(scenario.variables ?? []).map((v) => {
            const now = runUp.vars[v.id];
            return v.type === 'boolean' ? (
              <label key={v.id} className="inspector-row">
                <span>{v.label}</span>
                <select value={vars[v.id] ?? ''} onChange={(e) => setVars({ ...vars, [v.id]: e.target.value })}>
                  <option value="">不变（{now ? '是' : '否'}）</option>
                  <option value="true">是</option>
                  <option value="false">否</option>
                </select>
              </label>
            ) : (
              <label key={v.id} className="inspector-row">
                <span>
                  {v.label}（{v.min}–{v.max}）
                </span>
                <input
                  type="number"
                  min={v.min}
                  max={v.max}
                  value={vars[v.id] ?? ''}
                  placeholder={String(now)}
                  onChange={(e) => setVars({ ...vars, [v.id]: e.target.value })}
                  className="short"
                />
              </label>
            );
          })}
        </fieldset>
      )}
      {(scenario.regions ?? []).length > 0 && (
        <fieldset>
          <legend>地区</legend>
          <table className="inspector-regions">
            <thead>
              <tr>
                <th scope="col">地区</th>
                {REGION_FIELDS.map((f) => (
                  <th key={f.key} scope="col">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(scenario.regions ?? []).map((r, i) => {
                const now = runUp.world.regions[i];
                const shown: Record<RegionField, number> = {
                  infectious: Math.round(now?.I ?? 0),
                  beds: now?.beds ?? r.beds,
                  trust: Math.round(now?.trust ?? r.trust),
                };
                return (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    {REGION_FIELDS.map((f) => (
                      <td key={f.key}>
                        <input
                          type="number"
                          min={0}
                          max={f.key === 'trust' ? 100 : undefined}
                          aria-label={`${r.name}${f.label}`}
                          value={regions[r.id]?.[f.key] ?? ''}
                          placeholder={String(shown[f.key])}
                          onChange={(e) =>
                            setRegions({ ...regions, [r.id]: { ...regions[r.id], [f.key]: e.target.value } })
                          }
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      )}
      {((scenario.timeWindows ?? []).length > 0 || others.length > 0) && (
        <fieldset>
          <legend>开始前已经做过的事（不计分）</legend>
          {(scenario.timeWindows ?? []).map((w) => (
            <label key={w.id} className="inspector-row check">
              <input
                type="checkbox"
                checked={completed.includes(w.id)}
                onChange={(e) => setCompleted(toggle(completed, w.id, e.target.checked))}
              />
              完成了“{w.label}”
            </label>
          ))}
          {others.map((r) => (
            <label key={r.id} className="inspector-row check">
              <input
                type="checkbox"
                checked={notified.includes(r.id)}
                onChange={(e) => setNotified(toggle(notified, r.id, e.target.checked))}
              />
              已通报{r.name}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary">
        从此处试玩
      </button>
    </form>
  );
}
