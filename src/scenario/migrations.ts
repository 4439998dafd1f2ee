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
    // first and report". The text gives the power to every 县级以上地方人民政府 itself: the actors
    // who could act first become holders, which keeps the file's scores as they were. The duty to
    // report is left for the author to add, with the choices that discharge it: added here, every
    // run saved on the old file would lose points it never could have kept.
    from: 1,
    name: 'actFirst becomes holders',
    migrate(data) {
      const found: Problem[] = [];
      const powers = Array.isArray(data.powers) ? data.powers : [];
      powers.forEach((power, i) => {
        if (!isObject(power) || !isObject(power.actFirst)) return;
        const first = power.actFirst;
        const holders = Array.isArray(power.holders) ? power.holders : [];
        const more = Array.isArray(first.holders) ? first.holders : [];
        power.holders = [...new Set([...holders, ...more])];
        const to = typeof first.reportTo === 'string' ? first.reportTo : '上一级政府的 id';
        delete power.actFirst;
        found.push(
          warning(
            ['powers', i, 'actFirst'],
            `actFirst 是格式版本 1 的写法，已按版本 2 读作：actFirst.holders 并入 holders（它们本身就享有这项权力）。法律要求行使时同时报告的，请加上 "report": {"to": "${to}", "within": "0m"}，并在报告的选项上写 "reports"；然后把 schemaVersion 改为 2。`,
          ),
        );
      });
      return found;
    },
  },
  {
    // Version 3 adds instructorNotes, an optional field: a version-2 file reads as it is. The version
    // moves so that an older app refuses a file that may carry the field with "a newer format", not
    // with an unknown field.
    from: 2,
    name: 'instructorNotes may be written',
    migrate: () => [],
  },
  {
    // Version 4 gives a shipment its route (`via`): only regions on it may intercept or let it
    // through. A version-3 file let the trainee's region stop any shipment, so each shipment a
    // choice intercepts or releases is routed through the trainee's region, keeping its runs as they
    // were; the author is told, to write the real route. Version 4's other additions are optional.
    from: 3,
    name: 'a shipment the trainee stops passes through the trainee’s region',
    migrate(data) {
      const found: Problem[] = [];
      const own = data.roleRegion;
      if (typeof own !== 'string') return found;
      const stopped = new Set<unknown>();
      const nodes = Array.isArray(data.nodes) ? data.nodes : [];
      for (const node of nodes) {
        const choices = isObject(node) && Array.isArray(node.choices) ? node.choices : [];
        for (const choice of choices) {
          const world = isObject(choice) && Array.isArray(choice.world) ? choice.world : [];
          for (const m of world) {
            if (isObject(m) && (m.type === 'intercept' || m.type === 'release')) stopped.add(m.shipment);
          }
        }
      }
      const ships: { m: Record<string, unknown>; path: (string | number)[] }[] = [];
      const collect = (world: unknown, path: (string | number)[]) => {
        if (!Array.isArray(world)) return;
        world.forEach((m, j) => {
          if (isObject(m) && m.type === 'ship') ships.push({ m, path: [...path, j] });
        });
      };
      nodes.forEach((node, n) => {
        const choices = isObject(node) && Array.isArray(node.choices) ? node.choices : [];
        choices.forEach((c, k) => {
          if (isObject(c)) collect(c.world, ['nodes', n, 'choices', k, 'world']);
        });
      });
      (Array.isArray(data.injects) ? data.injects : []).forEach((inject, i) => {
        if (isObject(inject)) collect(inject.world, ['injects', i, 'world']);
      });
      for (const { m, path } of ships) {
        if (!stopped.has(m.id) || m.via !== undefined || m.from === own || m.to === own) continue;
        m.via = [own];
        found.push(
          warning(
            path,
            `格式版本 4 起，物资只有途经的地区（via）才能截留或放行。这批物资（${String(m.id)}）按版本 3 的读法视为途经学员所在的「${own}」：请写上它真正途经的地区，如 "via": ["${own}"]，然后把 schemaVersion 改为 4。`,
          ),
        );
      }
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
