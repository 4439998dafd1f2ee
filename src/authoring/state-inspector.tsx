import { type FormEvent, useId, useState } from 'react';
import type { Origin, RegionOverride, VarValue } from '../engine/types';
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

/** A number typed into a field, or undefined when it is left blank or is not a number. */
function typed(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * 从此处试玩: the state the trial starts in. Each field starts at what the drill declares; a
 * region field left blank keeps what the drill's world has reached by then.
 */
export function StateInspector({ scenario, nodeId, onStart }: Props) {
  const id = useId();
  const [hours, setHours] = useState('0');
  // Number fields keep what is typed (even blank, mid-edit); it becomes a value on submit.
  const [vars, setVars] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(
      (scenario.variables ?? []).map((v) => [v.id, typeof v.initial === 'boolean' ? v.initial : String(v.initial)]),
    ),
  );
  const [regions, setRegions] = useState<Record<string, Partial<Record<RegionField, string>>>>({});
  const clock = Math.max(0, Math.round((typed(hours) ?? 0) * 60));

  function submit(e: FormEvent) {
    e.preventDefault();
    const set: Record<string, RegionOverride> = {};
    for (const [region, fields] of Object.entries(regions)) {
      const o: RegionOverride = {};
      for (const { key } of REGION_FIELDS) {
        const n = typed(fields[key] ?? '');
        if (n !== undefined) o[key] = n;
      }
      if (Object.keys(o).length > 0) set[region] = o;
    }
    const values: Record<string, VarValue> = {};
    for (const v of scenario.variables ?? []) {
      const field = vars[v.id];
      const value = typeof field === 'string' ? typed(field) : field;
      if (value !== undefined) values[v.id] = value;
    }
    onStart({ node: nodeId, clock, vars: values, regions: set });
  }

  return (
    <form className="state-inspector" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>从此处试玩</h3>
      <p className="muted">先设定开始时的状态。试玩不计入任何成绩，随时可以结束。</p>
      <fieldset>
        <legend>推演时间</legend>
        <label>
          开局后
          <input
            type="number"
            min={0}
            step={1}
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
          {(scenario.variables ?? []).map((v) =>
            v.type === 'boolean' ? (
              <label key={v.id} className="inspector-row check">
                <input
                  type="checkbox"
                  checked={vars[v.id] === true}
                  onChange={(e) => setVars({ ...vars, [v.id]: e.target.checked })}
                />
                {v.label}
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
                  value={String(vars[v.id] ?? '')}
                  onChange={(e) => setVars({ ...vars, [v.id]: e.target.value })}
                  className="short"
                />
              </label>
            ),
          )}
        </fieldset>
      )}
      {(scenario.regions ?? []).length > 0 && (
        <fieldset>
          <legend>地区（留空则按推演到那时的情况）</legend>
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
              {(scenario.regions ?? []).map((r) => (
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
                        placeholder={f.key === 'beds' ? String(r.beds) : f.key === 'trust' ? String(r.trust) : '不变'}
                        onChange={(e) =>
                          setRegions({ ...regions, [r.id]: { ...regions[r.id], [f.key]: e.target.value } })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      )}
      <button type="submit" className="primary">
        从此处试玩
      </button>
    </form>
  );
}
