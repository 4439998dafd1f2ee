/**
 * Named steps from each older format version of a drill file to the next (the inkjs and tldraw
 * way): an instructor's file keeps working after the format changes, and is told what changed.
 * They run on the parsed JSON before the shape check, so each step sees the file as its version
 * wrote it.
 */
import { type Problem, warning } from './problem';

export interface ScenarioMigration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  name: string;
  /** NOTE mutates `data`. Returns what the author should know, at the places it changed. */
  migrate(data: Record<string, unknown>): Problem[];
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export const SCENARIO_MIGRATIONS: readonly ScenarioMigration[] = [
  {
    // Version 1 modelled 传染病防治法 2025 第六十三条 as "the province holds it, the city may act
    // first and report". The text gives the power to every 县级以上地方人民政府 itself, with a duty
    // to report at the same time: the actors who could act first are holders, and the report is
    // a duty of its own that a choice must discharge.
    from: 1,
    name: 'actFirst becomes holders with a duty to report',
    migrate(data) {
      const found: Problem[] = [];
      const powers = Array.isArray(data.powers) ? data.powers : [];
      powers.forEach((power, i) => {
        if (!isObject(power) || !isObject(power.actFirst)) return;
        const first = power.actFirst;
        const holders = Array.isArray(power.holders) ? power.holders : [];
        const more = Array.isArray(first.holders) ? first.holders : [];
        power.holders = [...new Set([...holders, ...more])];
        if (power.report === undefined && typeof first.reportTo === 'string') {
          power.report = { to: first.reportTo, within: '0m' };
        }
        delete power.actFirst;
        found.push(
          warning(
            ['powers', i, 'actFirst'],
            'actFirst 是格式版本 1 的写法，已按版本 2 读作：actFirst.holders 并入 holders，并加上报告义务 "report": {"to": reportTo, "within": "0m"}（须在同一决定中报告）。请照此改写文件、把 schemaVersion 改为 2，并在报告的选项上写 "reports"。',
          ),
        );
      });
      return found;
    },
  },
];

/** Brings `data` from its version up to `target`, step by step. NOTE mutates `data`. */
export function migrateScenario(data: Record<string, unknown>, target: number): Problem[] {
  const found: Problem[] = [];
  for (const step of SCENARIO_MIGRATIONS) {
    if (typeof data.schemaVersion !== 'number' || data.schemaVersion !== step.from || step.from >= target) continue;
    found.push(...step.migrate(data));
    data.schemaVersion = step.from + 1;
  }
  return found;
}
