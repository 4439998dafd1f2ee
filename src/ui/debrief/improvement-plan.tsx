import type { PlanRow } from '../../report/after-action';
import { DIMENSION_LABEL } from '../format';
import { refTitle } from '../reference-list';

/** 改进计划: what cost points, what to do instead, and on what authority — a table to hand back. */
export function ImprovementPlan({ plan, weighed }: { plan: readonly PlanRow[]; weighed: boolean }) {
  return (
    <section aria-labelledby="plan-heading" className="improvement-plan">
      <h2 id="plan-heading">改进计划</h2>
      {plan.length === 0 ? (
        <p>这次推演没有失分的地方。</p>
      ) : (
        <>
          {!weighed && <p className="muted no-print">最佳路线算出后，各个决定的建议会换成同一局面下最好的选择。</p>}
          <div className="table-scroll">
            <table className="plan" aria-labelledby="plan-heading">
              <thead>
                <tr>
                  <th scope="col">问题</th>
                  <th scope="col">建议的做法</th>
                  <th scope="col">依据</th>
                </tr>
              </thead>
              <tbody>
                {plan.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the plan's order is fixed for a run
                  <tr key={i}>
                    <td>
                      <span className={`chip dim-${row.dimension}`}>
                        {DIMENSION_LABEL[row.dimension]} −{row.lost}
                      </span>{' '}
                      <strong>{row.issue}</strong>
                      {row.decision !== null && <span className="muted">（第 {row.decision + 1} 个决定）</span>}
                      <p className="muted plan-why">{row.why}</p>
                    </td>
                    <td>{row.action}</td>
                    <td>
                      {row.refs.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="plan-refs">
                          {row.refs.map((ref) => (
                            <li key={ref.id}>
                              {refTitle(ref)}
                              <span className="plan-quote">“{ref.quote}”</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
