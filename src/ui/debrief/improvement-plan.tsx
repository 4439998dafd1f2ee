import type { AfterActionReport } from '../../report/after-action';
import { DIMENSION_LABEL } from '../format';
import { refTitle } from '../reference-list';

/** 改进计划: what cost most, what to do instead, and on what authority — a table to hand back. */
export function ImprovementPlan({ plan, weighed }: { plan: AfterActionReport['plan']; weighed: boolean }) {
  return (
    <section aria-labelledby="plan-heading" className="improvement-plan">
      <h2 id="plan-heading">改进计划</h2>
      {plan.rows.length === 0 ? (
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
                {plan.rows.map((row) => (
                  <tr key={row.key}>
                    <td>
                      <p className="plan-issue">
                        <strong>{row.issue}</strong>
                        {row.decisions.length > 0 && (
                          <span className="muted">（第 {row.decisions.map((d) => d + 1).join('、')} 个决定）</span>
                        )}
                      </p>
                      <p className="plan-lost">
                        {row.lost.map((l) => (
                          <span key={l.dimension} className={`chip dim-${l.dimension}`}>
                            {DIMENSION_LABEL[l.dimension]} −{l.points}
                          </span>
                        ))}
                      </p>
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
          {plan.more > 0 && <p className="muted">另有 {plan.more} 项较小的失分，见下文“全部评分事件”。</p>}
        </>
      )}
    </section>
  );
}
