import { referencesOf } from '../engine/score-events';
import type { ScoreEvent } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { DIMENSION_LABEL, formatDelta } from './format';
import { ReferenceList } from './reference-list';

interface Props {
  scenario: Scenario;
  events: readonly ScoreEvent[];
  /** Hide the dimension badge where the list already sits under one dimension. */
  showDimension?: boolean;
  label: string;
}

export function ScoreEventList({ scenario, events, showDimension = true, label }: Props) {
  if (events.length === 0) return <p className="muted">没有评分事件。</p>;
  return (
    <ul className="score-events" aria-label={label}>
      {events.map((event, i) => (
        // Events have no id of their own; their order within a run never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: stable order
        <li key={i} className={event.delta >= 0 ? 'gain' : 'loss'}>
          <div className="score-line">
            {showDimension && <span className={`dim dim-${event.dimension}`}>{DIMENSION_LABEL[event.dimension]}</span>}
            <span className="delta">{formatDelta(event.delta)}</span>
            <span className="reason">{event.reason}</span>
          </div>
          <ReferenceList refs={referencesOf(scenario, event)} />
        </li>
      ))}
    </ul>
  );
}
