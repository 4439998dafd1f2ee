import { useId } from 'react';
import { findName } from '../engine/names';
import { type Grant, waiting } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { formatGameTimeShort } from './format';

/** Where a request stands at minute `clock`: waiting, granted or refused, and since when. */
export function requestStatus(grant: Grant, clock: number): { kind: 'waiting' | 'granted' | 'refused'; at: number } {
  if (waiting(grant, clock)) return { kind: 'waiting', at: grant.requestedAt };
  if (grant.at !== null && grant.at <= clock) return { kind: 'granted', at: grant.at };
  return { kind: 'refused', at: grant.refusedAt ?? grant.requestedAt };
}

const STATUS_TEXT = { waiting: '等待答复', granted: '已批准', refused: '未批准' } as const;

/**
 * The trainee's requests to the level above and their answers, as they stand now. An answer due
 * later is not shown before its time: the trainee learns it when it comes.
 */
export function RequestsBoard({
  scenario,
  grants,
  clock,
}: {
  scenario: Scenario;
  grants: readonly Grant[];
  clock: number;
}) {
  // The run's side and the debrief both show the board, one hidden beside the other for a moment.
  const heading = useId();
  const asked = grants.filter((g) => g.requestedAt <= clock);
  if (asked.length === 0) return null;
  const actor = (id: string) => findName(scenario, 'actor', id);
  const power = (id: string) => scenario.powers?.find((p) => p.id === id)?.name ?? id;
  const time = (minutes: number) => formatGameTimeShort(scenario.clockStart, minutes);
  return (
    <section className="requests-board" aria-labelledby={heading}>
      <h2 id={heading}>请示与批复</h2>
      <ul>
        {asked.map((g, i) => {
          const status = requestStatus(g, clock);
          const path = g.via.length > 0 ? `经${g.via.map(actor).join('、')}报${actor(g.from)}` : `报${actor(g.from)}`;
          return (
            // A request is never removed or reordered: its place is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className={`request ${status.kind}`}>
              <span className="request-what">{power(g.power)}</span>
              <span className="request-status">{STATUS_TEXT[status.kind]}</span>
              <span className="request-path">
                {path}，{time(g.requestedAt)} 提出{status.kind !== 'waiting' && `，${time(status.at)} 答复`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default RequestsBoard;
