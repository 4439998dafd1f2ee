import { Fragment, useEffect, useMemo, useRef } from 'react';
import { debrief } from '../../engine/debrief';
import { formatDuration } from '../../engine/scoring';
import type { FiredInject, RunState, ScoreEvent } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { CasesChart, runMarkers } from '../cases-chart';
import { DIMENSION_LABEL, formatDelta, formatGameTimeShort, formatSeconds } from '../format';
import { ScoreEventList } from '../score-event-list';
import { StatusBoard } from '../status-board';
import { useApp } from '../store-context';

const TONE_LABEL = { good: '较好的结局', mixed: '得失参半的结局', bad: '失败的结局' } as const;

function ScoreChips({ events }: { events: readonly ScoreEvent[] }) {
  return (
    <div className="timeline-scores">
      {events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stable order
        <span key={i} className={`chip dim-${e.dimension}`}>
          {DIMENSION_LABEL[e.dimension]} {formatDelta(e.delta)}
        </span>
      ))}
    </div>
  );
}

/** The injects that fired after a decision (or at the start), as rows of the timeline. */
function InjectRows({ scenario, injects }: { scenario: Scenario; injects: readonly FiredInject[] }) {
  return (
    <>
      {injects.map((x) => (
        <tr key={x.id} className="inject-row">
          <td>!</td>
          <td>{formatGameTimeShort(scenario.clockStart, x.clock)}</td>
          <td />
          <td colSpan={3}>事件：{scenario.injects?.find((i) => i.id === x.id)?.title ?? x.id}</td>
        </tr>
      ))}
    </>
  );
}

interface Props {
  scenario: Scenario;
  state: RunState;
  /** Shown on the version it was played on: the drill has been updated since. */
  outdated?: boolean;
}

/** 复盘: the ending, the three scores with every event under its dimension, the world, and the timeline. */
export function DebriefScreen({ scenario, state, outdated = false }: Props) {
  const startRun = useApp((s) => s.startRun);
  const leaveRun = useApp((s) => s.leaveRun);
  const startTrial = useApp((s) => s.startTrial);
  // A trial from the authoring view goes back there, and can be tried again from the same point.
  const trialFrom = useApp((s) => s.run?.origin);
  const report = useMemo(() => debrief(scenario, state), [scenario, state]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const injectsAfter = (decision: number | null) => state.injects.filter((x) => x.decision === decision);

  return (
    <main className="screen debrief">
      <header className="page-header">
        <p className="eyebrow">复盘 · {scenario.title}</p>
        {outdated && (
          <p className="outdated-note" role="note">
            这个演练在你完成之后更新过：这份复盘按你当时推演的版本显示。“重新推演”将按新版本开始。
          </p>
        )}
        <h1 ref={heading} tabIndex={-1}>
          {report.ending?.title ?? '演练未结束'}
        </h1>
        {report.ending?.tone && <p className={`tone tone-${report.ending.tone}`}>{TONE_LABEL[report.ending.tone]}</p>}
        {report.ending && <p className="prose">{report.ending.text}</p>}
        {report.endingDetails.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one ending keep their order
          <p key={i} className="prose ending-detail">
            {text}
          </p>
        ))}
        <p className="muted">
          共 {report.totals.decisions} 个决定，其中超时 {report.totals.timeouts} 个；推演时间经过{' '}
          {formatDuration(report.totals.gameMinutes)}，实际用时 {formatSeconds(report.totals.realMs)}。
        </p>
      </header>

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">三项得分</h2>
        <ul className="score-cards" aria-label="三项得分">
          {report.dimensions.map((d) => (
            <li key={d.dimension} className={`score-card dim-${d.dimension}`}>
              <span className="score-name">{DIMENSION_LABEL[d.dimension]}</span>
              <span className="score-value">
                {d.score}
                <span className="score-unit"> 分</span>
              </span>
              <meter min={0} max={100} low={60} high={85} optimum={100} value={d.score} aria-hidden="true" />
            </li>
          ))}
        </ul>
        <p className="muted">每个维度从 {report.dimensions[0]?.base} 分起评，加上下列各项，限定在 0–100 分之间。</p>
      </section>

      <div className="dimension-details">
        {report.dimensions.map((d) => (
          <section key={d.dimension} aria-labelledby={`dim-${d.dimension}-heading`} className="panel">
            <h3 id={`dim-${d.dimension}-heading`}>
              {DIMENSION_LABEL[d.dimension]} <span className="muted">{d.score} 分</span>
            </h3>
            <ScoreEventList
              scenario={scenario}
              events={d.events}
              showDimension={false}
              label={`${DIMENSION_LABEL[d.dimension]}评分事件`}
            />
          </section>
        ))}
      </div>

      {(scenario.regions ?? []).length > 0 && (
        <section aria-labelledby="world-heading" className="debrief-world">
          <h2 id="world-heading">各地结果</h2>
          <div className="debrief-world-grid">
            <StatusBoard scenario={scenario} world={state.world} />
            <CasesChart
              scenario={scenario}
              world={state.world}
              markers={runMarkers(scenario, state.timeline, state.injects)}
              width={640}
              height={260}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">时间线</h2>
        <div className="table-scroll">
          <table className="timeline" aria-labelledby="timeline-heading">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">推演时间</th>
                <th scope="col">实际用时</th>
                <th scope="col">情况</th>
                <th scope="col">决定</th>
                <th scope="col">得分</th>
              </tr>
            </thead>
            <tbody>
              <InjectRows scenario={scenario} injects={injectsAfter(null)} />
              {report.timeline.map((row) => (
                <Fragment key={row.decision}>
                  <tr className={row.timedOut ? 'timed-out' : undefined}>
                    <td>{row.decision + 1}</td>
                    <td>{formatGameTimeShort(scenario.clockStart, row.clockAt)}</td>
                    <td>{formatSeconds(row.realMs)}</td>
                    <td>{row.nodeTitle}</td>
                    <td>
                      {row.timedOut && <span className="badge timeout">超时</span>}
                      {row.choiceLabel}
                    </td>
                    <td>
                      <ScoreChips events={row.events} />
                    </td>
                  </tr>
                  <InjectRows scenario={scenario} injects={injectsAfter(row.decision)} />
                </Fragment>
              ))}
              {report.closingEvents.length > 0 && (
                <tr className="closing-row">
                  <td />
                  <td>{formatGameTimeShort(scenario.clockStart, state.clock)}</td>
                  <td />
                  <td colSpan={2}>推演结束时计入</td>
                  <td>
                    <ScoreChips events={report.closingEvents} />
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      <div className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          打印复盘
        </button>
        <button type="button" className="secondary" onClick={leaveRun}>
          {trialFrom ? '返回编写' : '返回演练库'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (trialFrom ? startTrial(trialFrom) : startRun(scenario.id))}
        >
          {trialFrom ? '从同一处再试' : '重新推演'}
        </button>
      </div>
    </main>
  );
}

export default DebriefScreen;
