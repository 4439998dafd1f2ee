/**
 * The duties to report that come with some powers (传染病防治法 2025 第六十三条: "同时向上一级
 * 人民政府报告"): opened when the trainee exercises such a power as its holder, closed by a choice
 * that `reports` it, missed when the window closes first. Acting and reporting are two acts.
 */
import type { Choice, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { powerInForce } from './powers-in-force';
import type { Lawfulness } from './rules';
import type { ReportDuty } from './types';

export interface DutiesAfter {
  all: ReportDuty[];
  /** Duties now missed, to be scored once. */
  missed: ReportDuty[];
}

/**
 * The duties after a decision done at `clock`: one opened when the trainee exercised, as its
 * holder, a power that carries a duty; every open one of the powers this decision `reports`
 * closed; and those now overdue (not reported by their time, or reported late) marked missed.
 * A report before the exercise does not cover it: it reports what was done.
 */
export function reportDuties(
  scenario: Scenario,
  before: readonly ReportDuty[],
  taken: Choice,
  lawful: Lawfulness | null,
  decision: number,
  clock: number,
): DutiesAfter {
  const report = taken.power === undefined ? undefined : powerInForce(scenario, taken.power)?.report;
  const opens = report !== undefined && lawful?.lawful === true && lawful.how === 'holder';
  if (!opens && !taken.reports?.length && !before.some((d) => d.reportedAt === null && !d.missed)) {
    return { all: before as ReportDuty[], missed: [] };
  }
  const all = before.map((d) => ({ ...d }));
  if (opens) {
    all.push({
      power: taken.power as string,
      decision,
      at: clock,
      due: clock + parseDuration(report.within),
      reportedAt: null,
      missed: false,
    });
  }
  for (const duty of all) if (duty.reportedAt === null && taken.reports?.includes(duty.power)) duty.reportedAt = clock;
  const missed: ReportDuty[] = [];
  for (const duty of all) {
    if (duty.missed) continue;
    if (duty.reportedAt === null ? duty.due <= clock : duty.reportedAt > duty.due) {
      duty.missed = true;
      missed.push(duty);
    }
  }
  return { all, missed };
}

/** At the end of the drill, every duty neither reported nor yet scored is missed. */
export function dutiesLeftAtTheEnd(duties: readonly ReportDuty[]): DutiesAfter {
  const missed: ReportDuty[] = [];
  const all = duties.map((d) => {
    if (d.reportedAt !== null || d.missed) return d;
    const closed = { ...d, missed: true };
    missed.push(closed);
    return closed;
  });
  return { all, missed };
}
