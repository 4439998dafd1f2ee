import type { VarValue } from '../engine/types';
import type { Scenario } from '../scenario/schema';

/** The variables the drill marks visible, as the trainee's status board. */
export function StatusPanel({ scenario, vars }: { scenario: Scenario; vars: Record<string, VarValue> }) {
  const visible = (scenario.variables ?? []).filter((x) => x.visible);
  if (visible.length === 0) return null;
  return (
    <section className="status-panel" aria-labelledby="status-heading">
      <h2 id="status-heading">情况指标</h2>
      <dl>
        {visible.map((x) => {
          const value = vars[x.id];
          return (
            <div key={x.id} className="status-row">
              <dt>{x.label}</dt>
              <dd>
                {x.type === 'boolean' ? (
                  value ? (
                    '是'
                  ) : (
                    '否'
                  )
                ) : (
                  <>
                    <span className="status-value">
                      {String(value)}
                      {x.unit ? ` ${x.unit}` : ''}
                    </span>
                    <meter min={x.min} max={x.max} value={Number(value)} aria-label={x.label} />
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
