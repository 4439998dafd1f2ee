import { TONE_LABEL } from '../../engine/debrief';
import { formatDuration } from '../../engine/scoring';
import type { AfterActionReport } from '../../report/after-action';
import { RATINGS, thresholdsText } from '../../report/ratings';
import { DIMENSION_LABEL, formatSeconds } from '../format';

/** 概览: the drill, the role, the ending, the time, and each score with its rating and what it means. */
export function Overview({
  report,
  trainee,
  decisions,
  timeouts,
}: {
  report: AfterActionReport;
  /** The name or number typed under 保存结果, printed with the report. */
  trainee?: string;
  decisions: number;
  timeouts: number;
}) {
  return (
    <section aria-labelledby="overview-heading" className="overview">
      <h2 id="overview-heading">概览</h2>
      <dl className="overview-facts">
        {trainee && (
          <div>
            <dt>学员</dt>
            <dd>{trainee}</dd>
          </div>
        )}
        <div>
          <dt>演练</dt>
          <dd>{report.drill}</dd>
        </div>
        <div>
          <dt>角色</dt>
          <dd>{report.role}</dd>
        </div>
        <div>
          <dt>结局</dt>
          <dd>
            {report.ending ? report.ending.title : '演练未结束'}
            {report.ending?.tone && (
              <span className={`tone tone-${report.ending.tone}`}>（{TONE_LABEL[report.ending.tone]}）</span>
            )}
          </dd>
        </div>
        <div>
          <dt>推演时间</dt>
          <dd>{formatDuration(report.gameMinutes)}</dd>
        </div>
        <div>
          <dt>实际用时</dt>
          <dd>{formatSeconds(report.realMs)}</dd>
        </div>
        <div>
          <dt>决定</dt>
          <dd>
            {decisions} 个，其中超时 {timeouts} 个
          </dd>
        </div>
      </dl>

      <h3 id="scores-heading">三项得分</h3>
      <ul className="score-cards" aria-label="三项得分">
        {report.dimensions.map((d) => (
          <li key={d.dimension} className={`score-card dim-${d.dimension}`}>
            <span className="score-name">{DIMENSION_LABEL[d.dimension]}</span>
            <span className="score-value">
              {d.score}
              <span className="score-unit"> 分</span>
            </span>
            <meter min={0} max={100} low={55} high={85} optimum={100} value={d.score} aria-hidden="true" />
            <span className={`rating rating-${d.rating.hseep}`}>
              <span className="visually-hidden">评定：</span>
              {d.rating.grade}
            </span>
          </li>
        ))}
      </ul>
      <ul className="rating-summaries">
        {report.dimensions.map((d) => (
          <li key={d.dimension}>{d.summary}</li>
        ))}
      </ul>
      <p className="muted rating-scale">
        每项从 {report.base} 分起评，加上各评分事件，限定在 0–100 分之间。评定：{thresholdsText()}。
        参照美国国土安全演练与评估计划（HSEEP）的四级评定：
        {RATINGS.map((r) => `${r.grade}＝${r.meaning}`).join('；')}。
      </p>
    </section>
  );
}
