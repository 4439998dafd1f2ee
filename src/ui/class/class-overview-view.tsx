import lessons from 'virtual:lessons';
import { DIMENSIONS } from '../../engine/scoring';
import { TIME_LIMITS_WORDS } from '../../report/class-csv';
import type { ClassOverview, DimensionSpread, Spread } from '../../report/class-overview';
import type { Scenario } from '../../scenario/schema';
import { ReportRefs } from '../debrief/report-refs';
import { DIMENSION_LABEL } from '../format';
import { formatCount, formatNumber } from '../number-format';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const oneDecimal = (x: number) => formatNumber(Math.round(x * 10) / 10);
const whole = formatCount;
const LESSON_NAME = new Map(lessons.map((l) => [l.id, l.name]));

/** A share as a bar, with its number written beside it: the bar is for the eye, the text is the data. */
function Bar({ share, tone }: { share: number; tone?: string }) {
  return (
    <span className={`bar ${tone ?? ''}`} aria-hidden="true">
      <span style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
    </span>
  );
}

/** Scores to a tenth; people (cases, deaths) in whole numbers. */
function spreadText(s: Spread, unit = '', round = oneDecimal): string {
  return `平均 ${round(s.mean)}${unit}，标准差 ${round(s.sd)}，最低 ${whole(s.min)}，最高 ${whole(s.max)}`;
}

function Histogram({ d, trainees }: { d: DimensionSpread; trainees: number }) {
  const label = DIMENSION_LABEL[d.dimension];
  const most = Math.max(1, ...d.histogram);
  return (
    <figure className="histogram panel">
      <figcaption>
        <strong>{label}</strong> <span className="muted">{spreadText(d, ' 分')}</span>
      </figcaption>
      <table aria-label={`${label}得分分布`}>
        <thead>
          <tr>
            <th scope="col">分数段</th>
            <th scope="col">人数</th>
          </tr>
        </thead>
        <tbody>
          {d.histogram.map((count, band) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the ten bands are fixed
            <tr key={band}>
              <th scope="row">{band === 9 ? '90–100' : `${band * 10}–${band * 10 + 9}`}</th>
              <td>
                <Bar share={count / most} />
                <span className="bar-value">
                  {count} 人{trainees > 0 && count > 0 ? `（${percent(count / trainees)}）` : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function LessonTags({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="lesson-tags">
      {ids.map((id) => (
        <span key={id} className="lesson-tag" title={LESSON_NAME.get(id)}>
          {id} {LESSON_NAME.get(id)}
        </span>
      ))}
    </span>
  );
}

/**
 * One drill's class overview: how the scores and endings fall, how the class chose at each decision
 * point and how long it took, the losses most of the class shares with their lessons and references,
 * and the ranking (which the instructor can hide, say before projecting it).
 */
export function ClassOverviewView({
  overview,
  scenario,
  hideRanking,
  onHideRanking,
  onOpenRun,
}: {
  overview: ClassOverview;
  scenario: Scenario | null;
  hideRanking: boolean;
  onHideRanking: (hide: boolean) => void;
  /** Opens a trainee's own debrief, by run id; absent when the library does not have this version of the drill. */
  onOpenRun?: (id: string) => void;
}) {
  const refs = new Map((scenario?.references ?? []).map((r) => [r.id, r]));
  const byName = [...overview.ranking].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const listed = hideRanking ? byName : overview.ranking;
  return (
    <>
      <section aria-labelledby="class-scores-heading">
        <h2 id="class-scores-heading">得分与结局</h2>
        <p className="muted">
          {overview.trainees} 名学员。累计感染{spreadText(overview.outcome.cases, ' 人', whole)}；死亡
          {spreadText(overview.outcome.deaths, ' 人', whole)}。
        </p>
        <div className="histograms">
          {overview.dimensions.map((d) => (
            <Histogram key={d.dimension} d={d} trainees={overview.trainees} />
          ))}
        </div>
        <table className="endings" aria-label="结局分布">
          <thead>
            <tr>
              <th scope="col">结局</th>
              <th scope="col">人数</th>
            </tr>
          </thead>
          <tbody>
            {overview.endings.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.title}</th>
                <td>
                  <Bar share={e.share} tone={e.tone ? `tone-${e.tone}` : undefined} />
                  <span className="bar-value">
                    {e.count} 人（{percent(e.share)}）
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="class-losses-heading">
        <h2 id="class-losses-heading">全班最常见的失分</h2>
        {overview.losses.length === 0 ? (
          <p>这个班没有失分。</p>
        ) : (
          <ol className="class-losses">
            {overview.losses.map((loss) => (
              <li key={loss.key} className="panel">
                <p className="loss-cause">
                  <strong>{loss.cause}</strong>{' '}
                  <span className="muted">
                    {loss.trainees} 人（{percent(loss.trainees / overview.trainees)}），共扣{' '}
                    {DIMENSIONS.filter((d) => loss.points[d] < 0)
                      .map((d) => `${DIMENSION_LABEL[d]} ${whole(-loss.points[d])} 分`)
                      .join('、')}
                  </span>
                </p>
                <LessonTags ids={loss.lessons} />
                <p className="prose">{loss.reason}</p>
                <ReportRefs refs={loss.refs.flatMap((id) => refs.get(id) ?? [])} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="class-decisions-heading">
        <h2 id="class-decisions-heading">每个决策点</h2>
        <ol className="decision-points">
          {overview.decisions.map((point) => (
            <li key={point.nodeId} className="panel">
              <h3>
                {point.title}{' '}
                <span className="muted">
                  {point.trainees} 人遇到{point.met > point.trainees ? `（共 ${point.met} 次）` : ''}
                </span>
              </h3>
              <LessonTags ids={point.lessons} />
              <table aria-label={`${point.title}：各选项人数`}>
                <tbody>
                  {point.options.map((o) => (
                    <tr key={o.choiceId}>
                      <th scope="row">{o.label}</th>
                      <td>
                        <Bar share={o.share} />
                        <span className="bar-value">
                          {o.count} 人（{percent(o.share)}）
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                用时平均 {oneDecimal(point.seconds.mean)} 秒，标准差 {oneDecimal(point.seconds.sd)} 秒
                {point.timeouts > 0 ? `；超时 ${point.timeouts} 次` : '；无人超时'}
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="class-trainees-heading">
        <h2 id="class-trainees-heading">{hideRanking ? '学员' : '排名'}</h2>
        <label className="no-print">
          <input type="checkbox" checked={hideRanking} onChange={(e) => onHideRanking(e.target.checked)} />
          隐藏排名（按姓名列出，投影或打印时用）
        </label>
        <table className="ranking" aria-label={hideRanking ? '学员' : '排名'}>
          <thead>
            <tr>
              {!hideRanking && <th scope="col">名次</th>}
              <th scope="col">姓名或学号</th>
              {!hideRanking && <th scope="col">三项平均</th>}
              {!hideRanking &&
                DIMENSIONS.map((d) => (
                  <th key={d} scope="col">
                    {DIMENSION_LABEL[d]}
                  </th>
                ))}
              <th scope="col">结局</th>
              <th scope="col">限时</th>
              {onOpenRun && (
                <th scope="col" className="no-print">
                  复盘
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {listed.map((r, i) => (
              <tr key={r.id}>
                {!hideRanking && <td>{i + 1}</td>}
                <th scope="row">{r.name}</th>
                {!hideRanking && <td>{oneDecimal(r.mean)}</td>}
                {!hideRanking && DIMENSIONS.map((d) => <td key={d}>{r.scores[d]}</td>)}
                <td>{r.ending}</td>
                <td>{TIME_LIMITS_WORDS[r.timeLimits]}</td>
                {onOpenRun && (
                  <td className="no-print">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`查看复盘：${r.name}`}
                      onClick={() => onOpenRun(r.id)}
                    >
                      查看复盘
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
