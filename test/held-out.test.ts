/**
 * The instructor's example drill (docs/examples/enforcement-2013.json): it loads with no problem and
 * no warning, its three lines (docs/examples/enforcement-2013.lines.json, written for
 * `npm run playtest -- FILE --line …`, where "wait" lets the countdown run out) reach their endings,
 * and the 2013 approval, the shipment through the trainee's county and the filled times show as meant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSources } from '../scripts/project-sources';
import { fillText } from '../src/engine/fill-text';
import { TIMEOUT } from '../src/engine/types';
import { load } from '../src/scenario/load';
import type { DecisionNode } from '../src/scenario/schema';
import { quoteProblems } from '../src/sources/drill-quotes';
import { playLine } from './lines/play-line';
import type { DrillLine } from './lines/types';

const FILE = 'docs/examples/enforcement-2013.json';
const text = readFileSync(FILE, 'utf8');
const linesFile = JSON.parse(readFileSync('docs/examples/enforcement-2013.lines.json', 'utf8')) as Record<
  'best' | 'waiting' | 'worst',
  DrillLine
>;
/** The playtest's "wait" is the engine's timeout. */
const asEngineLine = (line: DrillLine): DrillLine => ({
  ...line,
  steps: line.steps.map((s) => (s === 'wait' ? TIMEOUT : s)),
});

const result = load(text);
if (!result.ok) throw new Error(`${FILE} does not load: ${result.problems.map((p) => p.message).join('; ')}`);
const scenario = result.scenario;
const played = {
  best: playLine(scenario, asEngineLine(linesFile.best)),
  waiting: playLine(scenario, asEngineLine(linesFile.waiting)),
  worst: playLine(scenario, asEngineLine(linesFile.worst)),
};

describe(FILE, () => {
  it('loads with no problems and no warnings, every quote verbatim in the sources', () => {
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
    expect(quoteProblems(JSON.parse(text), readSources())).toEqual([]);
    expect(scenario.legalFramework).toBe(2013);
  });

  it.each(['best', 'waiting', 'worst'] as const)('plays the %s line to its ending', (name) => {
    expect(played[name].state.ending).toBe(linesFile[name].ending);
  });

  it('grants a request on the best line, passed up through the city health commission', () => {
    const grants = played.best.state.grants;
    const market = grants.find((g) => g.power === 'market-ban');
    expect(market?.via).toEqual(['jzWJW']);
    expect(market?.at).not.toBeNull();
    expect(market?.refusedAt).toBeNull();
    // the one answered at a set time: granted 12 hours after it was made
    const school = grants.find((g) => g.power === 'school-closure');
    expect(school?.at).toBe((school?.requestedAt ?? 0) + 12 * 60);
  });

  it('has a request refused or never answered on the waiting line', () => {
    const unanswered = played.waiting.state.grants.filter((g) => g.at === null);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(played.waiting.state.grants.find((g) => g.power === 'market-ban')?.refusedAt).not.toBeNull();
  });

  it('routes the convoy through the county, which lets it through on the best line and holds it on the worst', () => {
    const convoy = (name: keyof typeof played) => played[name].state.world.shipments.find((s) => s.id === 'jz-masks');
    expect(convoy('best')?.route).toContain(scenario.roleRegion);
    expect(convoy('best')?.clearedBy).toContain(scenario.roleRegion);
    expect(convoy('best')?.status).not.toBe('intercepted');
    expect(convoy('worst')?.status).toBe('intercepted');
    const rules = (name: keyof typeof played) =>
      played[name].state.scoreEvents.flatMap((e) => (e.source.kind === 'rule' ? [e.source.rule] : []));
    expect(rules('best')).toContain('letThrough');
    expect(rules('worst')).toContain('intercept');
    expect(rules('worst')).toContain('closeRoad');
  });

  it('fills a node’s time with the moment each line meets it', () => {
    const node = scenario.nodes.find((n) => n.id === 'festival') as DecisionNode;
    expect(node.text).toContain('{{date}}');
    const shown = (name: keyof typeof played) => {
      const { timeline } = played[name].state;
      const i = timeline.findIndex((t) => t.nodeId === 'festival');
      const entry = timeline[i];
      if (!entry) throw new Error(`the ${name} line never meets the festival`);
      return fillText(node.text, scenario, { clock: entry.clockAt, vars: timeline[i - 1]?.varsAfter ?? {} });
    };
    expect(shown('best')).toMatch(/^2月14日。/);
    expect(shown('waiting')).toMatch(/^2月16日。/);
    expect(shown('best')).not.toBe(shown('waiting'));
  });
});
