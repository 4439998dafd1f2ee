import type { DimensionAssessment, Finding } from '../../report/after-action';
import { DIMENSION_LABEL, formatDelta } from '../format';
import { ReportRefs } from './report-refs';

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className={finding.delta > 0 ? 'gain' : 'loss'}>
      <p className="finding-cause">
        <span className="delta">{formatDelta(finding.delta)}</span> {finding.cause}
        {finding.decisions.length > 0 && (
          <span className="muted">（第 {finding.decisions.map((d) => d + 1).join('、')} 个决定）</span>
        )}
      </p>
      <p className="finding-reason">{finding.reasons.join(' ')}</p>
      <ReportRefs refs={finding.refs} />
    </li>
  );
}

/** 做得好的、需要改进的: under each dimension, the largest gains and losses grouped by cause. */
export function Findings({ dimensions }: { dimensions: readonly DimensionAssessment[] }) {
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">做得好的与需要改进的</h2>
      <div className="dimension-details">
        {dimensions.map((d) => {
          const name = DIMENSION_LABEL[d.dimension];
          return (
            <section key={d.dimension} className="panel findings" aria-labelledby={`findings-${d.dimension}`}>
              <h3 id={`findings-${d.dimension}`}>
                {name}{' '}
                <span className="muted">
                  {d.score} 分 · {d.rating.grade}
                </span>
              </h3>
              <h4>做得好的</h4>
              {d.strengths.length ? (
                <ul className="finding-list" aria-label={`${name}：做得好的`}>
                  {d.strengths.map((f) => (
                    <FindingItem key={f.key} finding={f} />
                  ))}
                </ul>
              ) : (
                <p className="muted">这一项没有加分的做法。</p>
              )}
              <h4>需要改进的</h4>
              {d.improvements.length ? (
                <ul className="finding-list" aria-label={`${name}：需要改进的`}>
                  {d.improvements.map((f) => (
                    <FindingItem key={f.key} finding={f} />
                  ))}
                </ul>
              ) : (
                <p className="muted">这一项没有失分。</p>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
