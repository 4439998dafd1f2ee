/** What became of the trainee's requests to the level above, for the screens and the play-test trace. */
import type { Scenario } from '../scenario/schema';
import { findName } from './names';
import type { Grant } from './types';

export interface RequestNews {
  power: string;
  from: string;
  via: string[];
  what: 'asked' | 'granted' | 'refused';
  clock: number;
}

/** What happened to requests in (from, to]: made, granted or refused, in the order of their minutes. */
export function requestNews(grants: readonly Grant[], from: number, to: number): RequestNews[] {
  const within = (t: number | null): t is number => t !== null && t > from && t <= to;
  return grants
    .flatMap((g): RequestNews[] => {
      const base = { power: g.power, from: g.from, via: [...g.via] };
      return [
        ...(within(g.requestedAt) ? [{ ...base, what: 'asked' as const, clock: g.requestedAt }] : []),
        ...(within(g.at) ? [{ ...base, what: 'granted' as const, clock: g.at }] : []),
        ...(within(g.refusedAt) ? [{ ...base, what: 'refused' as const, clock: g.refusedAt }] : []),
      ];
    })
    .sort((a, b) => a.clock - b.clock);
}

/** One piece of news in plain Chinese: "请求“…”（经…报…）", "…批准“…”", "…不批准“…”". */
export function describeRequestNews(scenario: Scenario, news: RequestNews): string {
  const actor = (id: string) => findName(scenario, 'actor', id);
  const power = scenario.powers?.find((p) => p.id === news.power)?.name ?? news.power;
  if (news.what === 'asked') {
    const path =
      news.via.length > 0 ? `经${news.via.map(actor).join('、')}报${actor(news.from)}` : `报${actor(news.from)}`;
    return `请求“${power}”（${path}）`;
  }
  return `${actor(news.from)}${news.what === 'granted' ? '批准' : '不批准'}“${power}”`;
}
