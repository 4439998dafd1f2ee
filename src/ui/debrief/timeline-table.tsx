import { Fragment } from 'react';
import type { Report } from '../../engine/debrief';
import { fillText } from '../../engine/fill-text';
import type { RunState, ScoreEvent } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { DIMENSION_LABEL, formatDelta, formatGameTimeShort, formatSeconds } from '../format';

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

/** A text's paragraphs as lines, without the blank line between them: compact, and printed as shown. */
const lines = (text: string) => text.replace(/\n\s*\n/g, '\n');

interface Props {
  scenario: Scenario;
  state: RunState;
  /** `debrief(scenario, state)`. */
  report: Report;
  /** Opens a what-if from a decision (0-based); without it the table has no such column. */
  onWhatIf?: (decision: number) => void;
}

/**
 * 时间线: every decision and inject in order — in-game time, real time used, the situation, the
 * choice and its consequence, the score events — then what was scored when the run ended. Decision
 * rows are numbered as the chart's markers are, and have ids (`decision-1` …, `inject-<id>`) to link
 * to. Nothing is folded away: the debrief is printed.
 */
export function TimelineTable({ scenario, state, report, onWhatIf }: Props) {
  const whatIf = onWhatIf !== undefined;
  const injectRows = (decision: number | null) =>
    state.injects
      .filter((x) => x.decision === decision)
      .map((x) => {
        const inject = scenario.injects?.find((i) => i.id === x.id);
        return (
          <tr key={x.id} id={`inject-${x.id}`} className="inject-row">
            <td>!</td>
            <td>{formatGameTimeShort(scenario.clockStart, x.clock)}</td>
            <td />
            <td colSpan={3}>
              事件：{inject?.title ?? x.id}
              {inject?.text && <span className="timeline-note">{lines(fillText(inject.text, scenario, x))}</span>}
            </td>
            {whatIf && <td className="no-print" />}
          </tr>
        );
      });

  return (
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
              {whatIf && (
                <th scope="col" className="no-print">
                  假设推演
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {injectRows(null)}
            {report.timeline.map((row) => (
              <Fragment key={row.decision}>
                <tr id={`decision-${row.decision + 1}`} className={row.timedOut ? 'timed-out' : undefined}>
                  <td>{row.decision + 1}</td>
                  <td>{formatGameTimeShort(scenario.clockStart, row.clockAt)}</td>
                  <td>{formatSeconds(row.realMs)}</td>
                  <td>{row.nodeTitle}</td>
                  <td>
                    {row.timedOut && <span className="badge timeout">超时</span>}
                    {row.choiceLabel}
                    {row.feedback && <span className="timeline-note">后果：{lines(row.feedback)}</span>}
                  </td>
                  <td>
                    <ScoreChips events={row.events} />
                  </td>
                  {whatIf && (
                    <td className="no-print">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`换个选择：从第 ${row.decision + 1} 个决定起假设推演`}
                        onClick={() => onWhatIf(row.decision)}
                      >
                        换个选择
                      </button>
                    </td>
                  )}
                </tr>
                {injectRows(row.decision)}
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
                {whatIf && <td className="no-print" />}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
