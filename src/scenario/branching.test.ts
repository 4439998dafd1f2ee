import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeScenario,
} from '../../test/fake-scenario';
import { branchesTooFew, branchingFigures, branchingSummary, ROUTE_BOUND } from './branching';
import type { Choice, Scenario } from './schema';

/** A drill from a map of decision → where its choices lead (one choice a target); ids starting "e" are endings. */
function drill(graph: Record<string, (string | Choice['next'])[]>, extra: Partial<Scenario> = {}): Scenario {
  const endings = new Set(
    Object.values(graph)
      .flat()
      .flatMap((next) => (typeof next === 'string' ? [next] : next.map((b) => b.to)))
      .filter((id) => id.startsWith('e')),
  );
  return fakeScenario({
    start: Object.keys(graph)[0],
    variables: [fakeBooleanVar()],
    nodes: [
      ...Object.entries(graph).map(([id, nexts]) =>
        fakeDecision({ id, choices: nexts.map((next, c) => fakeChoice({ id: `c${c}`, next })) }),
      ),
      ...[...endings].map((id) => fakeEnding({ id })),
    ],
    ...extra,
  });
}

/** The ids of the decisions only some routes meet. */
function someRoutes(scenario: Scenario): string[] {
  const f = branchingFigures(scenario);
  return scenario.nodes.filter((_, n) => f.someRoutes[n]).map((n) => n.id);
}

const figures = (scenario: Scenario) => {
  const { decisions, mainLine, branching, routes, capped, loops } = branchingFigures(scenario);
  return { decisions, mainLine, branching, routes, capped, loops };
};

describe('branchingFigures', () => {
  it('a straight line: one route, nothing branches, every decision on it', () => {
    const line = drill({ a: ['b'], b: ['c', 'c'], c: ['e1'] });
    expect(figures(line)).toEqual({ decisions: 3, mainLine: 3, branching: 0, routes: 1, capped: false, loops: false });
    expect(someRoutes(line)).toEqual([]);
    expect(branchesTooFew(branchingFigures(line))).toBe(true);
  });

  it('a straight line whose last decision chooses the ending: one route, one decision that branches', () => {
    const line = drill({ a: ['b'], b: ['e1', 'e2', 'e3'] });
    expect(figures(line)).toMatchObject({ mainLine: 2, branching: 1, routes: 1 });
    expect(someRoutes(line)).toEqual([]);
  });

  it('a diamond: two routes that meet again, the two sides met only on some', () => {
    const diamond = drill({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e1'] });
    expect(figures(diamond)).toEqual({
      decisions: 4,
      mainLine: 4,
      branching: 1,
      routes: 2,
      capped: false,
      loops: false,
    });
    expect(someRoutes(diamond)).toEqual(['b', 'c']);
  });

  it('an edge that jumps over a decision: it is met on some routes only', () => {
    const skip = drill({ a: ['b', 'c'], b: ['c'], c: ['e1'] });
    expect(figures(skip)).toMatchObject({ routes: 2, branching: 1 });
    expect(someRoutes(skip)).toEqual(['b']);
  });

  it('a route may end half way: a decision with a way to an ending and a way on', () => {
    const early = drill({ a: ['b', 'e1'], b: ['e2'] });
    expect(figures(early)).toMatchObject({ routes: 2, branching: 1 });
    expect(someRoutes(early)).toEqual(['b']);
  });

  it('a branch on the world’s state branches, with one choice; one whose branches all go one way does not', () => {
    const onState = drill({
      a: [[{ when: { var: 'reported', op: '==', value: true }, to: 'b' }, { to: 'c' }]],
      b: ['d'],
      c: ['d'],
      d: [[{ when: { var: 'reported', op: '==', value: true }, to: 'e1' }, { to: 'e1' }]],
    });
    expect(figures(onState)).toMatchObject({ mainLine: 4, branching: 1, routes: 2 });
    const f = branchingFigures(onState);
    expect(onState.nodes.filter((_, n) => f.branches[n]).map((n) => n.id)).toEqual(['a']);
    expect(someRoutes(onState)).toEqual(['b', 'c']);
  });

  it('a loop: routes without number, said as the bound, found at once; the decisions met on every route still exact', () => {
    const loop = drill({ a: ['b', 'c'], b: ['a', 'd'], c: ['d'], d: ['e1'] });
    const t0 = performance.now();
    expect(figures(loop)).toMatchObject({ routes: ROUTE_BOUND, capped: true, loops: true, branching: 2 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(someRoutes(loop)).toEqual(['b', 'c']);
    // A decision that only loops back on itself before going on is on every route.
    const wait = drill({ a: ['a', 'b'], b: ['e1'] });
    expect(figures(wait)).toMatchObject({ loops: true, capped: true });
    expect(someRoutes(wait)).toEqual([]);
  });

  it('more routes than the bound: capped, and still exact about which decisions every route meets', () => {
    // 14 diamonds in a row: 2^14 = 16,384 routes.
    const graph: Record<string, string[]> = {};
    for (let k = 0; k < 14; k++) {
      graph[`j${k}`] = [`l${k}`, `r${k}`];
      graph[`l${k}`] = [`j${k + 1}`];
      graph[`r${k}`] = [`j${k + 1}`];
    }
    graph.j14 = ['e1'];
    const many = drill(graph);
    expect(figures(many)).toMatchObject({ routes: ROUTE_BOUND, capped: true, loops: false, branching: 14 });
    expect(someRoutes(many)).toEqual(Object.keys(graph).filter((id) => !id.startsWith('j')));
    // 13 diamonds: 8,192 routes, under the bound, counted exactly.
    const fewer = drill({ ...graph, j13: ['e1'] });
    expect(figures(fewer)).toMatchObject({ routes: 8192, capped: false });
  });

  it('leaves off the main lines the decisions an inject opens, the start never reaches, or that reach no ending', () => {
    const scenario = drill(
      { a: ['b', 'c', 'trap'], b: ['e1'], c: ['e1'], side: ['$return', 'c'], lost: ['e1'], trap: ['trap'] },
      { injects: [fakeInject({ opens: 'side' })] },
    );
    expect(figures(scenario)).toMatchObject({ decisions: 6, mainLine: 3, branching: 1, routes: 2 });
    expect(someRoutes(scenario)).toEqual(['b', 'c']);
  });

  it('has nothing to count when the start reaches no ending', () => {
    const stuck = drill({ a: ['a'] });
    expect(figures(stuck)).toMatchObject({ mainLine: 0, routes: 0, branching: 0 });
    expect(branchingSummary(branchingFigures(stuck))).toBe('1 个决定，没有一条从开局到结局的路线。');
  });

  it('says the figures in a sentence', () => {
    expect(branchingSummary(branchingFigures(drill({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e1'] })))).toBe(
      '主线上 4 个决定中 1 个会分岔；从开局到结局共 2 条路线。',
    );
    expect(branchingSummary(branchingFigures(drill({ a: ['a', 'b'], b: ['e1'] })))).toBe(
      '主线上 2 个决定中 1 个会分岔；路线有回路，数不尽（至少 10,000 条）。',
    );
  });

  it('warns only from three main-line decisions, below a third', () => {
    expect(branchesTooFew(branchingFigures(drill({ a: ['b'], b: ['e1'] })))).toBe(false);
    expect(branchesTooFew(branchingFigures(drill({ a: ['b', 'c'], b: ['e1'], c: ['e1'] })))).toBe(false);
    expect(branchesTooFew(branchingFigures(drill({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e1'] })))).toBe(true);
    expect(branchesTooFew(branchingFigures(drill({ a: ['b'], b: ['c'], c: ['d'], d: ['e1', 'e2'] })))).toBe(true);
  });
});

/** Small random drills against a walk of every route, and "on every route" as "the end cannot be reached without it". */
describe('branchingFigures on random small drills', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };

  /** Every route by brute force: paths of decisions from the start to one with an ending next (none when a loop is met). */
  function walkRoutes(graph: Record<string, string[]>, start: string): number | 'loop' {
    let count = 0;
    const walk = (id: string, on: string[]): boolean => {
      if (on.includes(id)) return false;
      const next = [...new Set(graph[id] ?? [])];
      if (next.some((t) => t.startsWith('e'))) count++;
      for (const t of next) if (!t.startsWith('e') && !walk(t, [...on, id])) return false;
      return true;
    };
    return walk(start, []) ? count : 'loop';
  }

  /** Whether some route avoids `without`: the start leads to an ending through decisions other than it. */
  function avoidable(graph: Record<string, string[]>, start: string, without: string): boolean {
    const seen = new Set<string>([start]);
    const stack = [start];
    while (stack.length) {
      const id = stack.pop() as string;
      for (const t of graph[id] ?? []) {
        if (t.startsWith('e')) return true;
        if (t !== without && !seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      }
    }
    return false;
  }

  it('counts the routes and finds the decisions some route avoids, as a walk of every route does', () => {
    for (let round = 0; round < 300; round++) {
      const size = 2 + rand(7);
      const ids = Array.from({ length: size }, (_, i) => `d${i}`);
      const graph: Record<string, string[]> = {};
      for (let i = 0; i < size; i++) {
        graph[`d${i}`] = Array.from({ length: 1 + rand(3) }, () => {
          const r = rand(10);
          // Mostly forward; now and then back (a loop) or to an ending.
          if (r < 2 || i === size - 1) return `e${rand(2)}`;
          if (r === 2 && round % 3 === 0) return `d${rand(i + 1)}`;
          return `d${i + 1 + rand(size - i - 1)}`;
        });
      }
      const scenario = drill(graph);
      const f = branchingFigures(scenario);
      const main = ids.filter((id) => f.onMainLine[scenario.nodes.findIndex((n) => n.id === id)]);
      const walked = walkRoutes(
        Object.fromEntries(
          Object.entries(graph).map(([id, to]) => [id, to.filter((t) => t.startsWith('e') || main.includes(t))]),
        ),
        'd0',
      );
      if (main.length === 0) expect(f.routes).toBe(0);
      else if (walked === 'loop') expect(f).toMatchObject({ loops: true, routes: ROUTE_BOUND });
      else expect({ routes: f.routes, loops: f.loops }).toEqual({ routes: walked, loops: false });
      for (const id of main) {
        const n = scenario.nodes.findIndex((node) => node.id === id);
        const expected = id !== 'd0' && avoidable(graph, 'd0', id);
        expect(f.someRoutes[n] === 1, `${JSON.stringify(graph)}: ${id}`).toBe(expected);
      }
    }
  });
});
