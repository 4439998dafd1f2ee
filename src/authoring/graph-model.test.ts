import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeInject, fakeScenario } from '../../test/fake-scenario';
import { load } from '../scenario/load';
import { drillGraph, graphShape, NODE_HEIGHT, NODE_WIDTH } from './graph-model';

/** n1 → n2 → end; "loop" only leads to itself (a dead end); "lost" is never reached; an inject opens "side". */
const drill = fakeScenario({
  nodes: [
    fakeDecision({ choices: [fakeChoice({ next: 'n2' }), fakeChoice({ id: 'c2', label: '等待', next: 'n2' })] }),
    fakeDecision({
      id: 'n2',
      timeLimitSec: 60,
      timeoutChoice: 'c1',
      choices: [fakeChoice(), fakeChoice({ id: 'c3', next: 'loop' })],
    }),
    fakeDecision({ id: 'loop', choices: [fakeChoice({ next: 'loop' })] }),
    fakeDecision({ id: 'lost', choices: [fakeChoice()] }),
    fakeDecision({ id: 'side', choices: [fakeChoice({ next: '$return' })] }),
    fakeEnding(),
  ],
  injects: [fakeInject({ id: 'call', title: '上级来电', at: '1h', opens: 'side' })],
});

describe('drillGraph', () => {
  const result = load(JSON.stringify(drill));
  // A drill that does not load for its meaning still has a shape to draw.
  const shaped = result.ok ? result.scenario : result.shaped;
  if (!shaped) throw new Error('the fixture should have the right shape');
  const graph = drillGraph(shaped, result.ok ? result.warnings : result.problems);
  const node = (key: string) => graph.nodes.find((n) => n.key === key);

  it('has every node, and one edge per pair of nodes a choice joins, labelled with its choices', () => {
    expect(graph.nodes.map((n) => n.key).sort()).toEqual(['end', 'inject:call', 'loop', 'lost', 'n1', 'n2', 'side']);
    expect(graph.edges.find((e) => e.from === 'n1' && e.to === 'n2')?.labels).toEqual(['立即上报', '等待']);
    expect(graph.edges.find((e) => e.from === 'inject:call')).toMatchObject({ to: 'side', kind: 'opens' });
  });

  it('marks the start, unreachable nodes, dead ends, timed nodes and nodes that return', () => {
    expect(node('n1')?.start).toBe(true);
    expect(node('lost')?.unreachable).toBe(true);
    expect(node('side')?.unreachable).toBe(false);
    expect(node('loop')?.deadEnd).toBe(true);
    expect(node('n2')?.deadEnd).toBe(false);
    expect(node('n2')?.timed).toBe(true);
    expect(node('side')?.returns).toBe(true);
    const { errors, warnings } = node('loop')?.problems ?? { errors: 0, warnings: 0 };
    expect(errors + warnings).toBeGreaterThan(0);
  });

  it('lays nodes out from the top, without overlaps, inside its size', () => {
    expect(node('n1')?.y).toBeLessThan(node('n2')?.y ?? 0);
    expect(node('n2')?.y).toBeLessThan(node('end')?.y ?? 0);
    for (const a of graph.nodes) {
      expect(a.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
      expect(a.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(graph.height);
      for (const b of graph.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart, `${a.key} and ${b.key} overlap`).toBe(true);
      }
    }
    for (const e of graph.edges) expect(e.points.length).toBeGreaterThan(0);
  });

  it('marks the decisions only some routes meet, and carries the figures', () => {
    // n1 → (n2 | side road) → n3 → end.
    const diamond = fakeScenario({
      nodes: [
        fakeDecision({ choices: [fakeChoice({ next: 'n2' }), fakeChoice({ id: 'c2', next: 'road' })] }),
        fakeDecision({ id: 'n2', choices: [fakeChoice({ next: 'n3' })] }),
        fakeDecision({ id: 'road', choices: [fakeChoice({ next: 'n3' })] }),
        fakeDecision({ id: 'n3', choices: [fakeChoice()] }),
        fakeEnding(),
      ],
    });
    const shape = graphShape(diamond);
    expect(shape.nodes.filter((n) => n.someRoutes).map((n) => n.key)).toEqual(['n2', 'road']);
    expect(shape.figures).toMatchObject({ mainLine: 4, branching: 1, routes: 2 });
    expect(node('n2')?.someRoutes).toBe(false);
  });

  it('draws a next that points nowhere as a missing node', () => {
    const broken = fakeScenario({ nodes: [fakeDecision({ choices: [fakeChoice({ next: 'gone' })] }), fakeEnding()] });
    expect(drillGraph(broken).nodes.find((n) => n.key === 'gone')?.kind).toBe('missing');
  });
});
