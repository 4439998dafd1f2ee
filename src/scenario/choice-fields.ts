/**
 * Which optional fields each choice of a drill has, found once in a walk of each choice's keys
 * (for-in: its enumerable keys, as JSON.parse and valibot make them) and read by the rules that
 * walk the choices. The choices of a drill have dozens of hidden classes between them (fifty in the
 * generated 10,000-node drill), so a read of a field by its name, there or not, is a slow
 * megamorphic one, and a choice has a few of the optional fields, not all ten. A bit says the key
 * is there; its value is still read, and a choice built in code may hold undefined there.
 *
 * Kept for each scenario object, as the graph's edges are (graph.ts): a drill is not changed in
 * place once loaded (an edit makes a new object), so what was found of it stays true.
 */
import type { Choice, Scenario } from './schema';

export const TIMEOUT_ONLY = 1;
export const WHEN = 2;
export const EFFECTS = 4;
export const WORLD = 8;
export const COMPLETES = 16;
export const SCORE = 32;
export const POWER = 64;
export const REPORTS = 128;
export const REQUESTS = 256;
export const NEEDS = 512;

/** Choice c of node n has the fields `bits[start[n] + c]` names (nodes that are not decisions have none). */
export interface ChoiceFields {
  start: Int32Array;
  bits: Uint16Array;
}

const cache = new WeakMap<Scenario, ChoiceFields>();

export function choiceFields(scenario: Scenario): ChoiceFields {
  const known = cache.get(scenario);
  if (known) return known;
  const nodes = scenario.nodes;
  const start = new Int32Array(nodes.length + 1);
  let count = 0;
  for (let n = 0; n < nodes.length; n++) {
    start[n] = count;
    const node = nodes[n] as Scenario['nodes'][number];
    if (node.kind === 'decision') count += node.choices.length;
  }
  start[nodes.length] = count;
  const bits = new Uint16Array(count);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as Scenario['nodes'][number];
    if (node.kind !== 'decision') continue;
    const at = start[n] as number;
    for (let c = 0; c < node.choices.length; c++) bits[at + c] = fieldsOf(node.choices[c] as Choice);
  }
  const built = { start, bits };
  cache.set(scenario, built);
  return built;
}

function fieldsOf(choice: Choice): number {
  let has = 0;
  for (const key in choice) {
    switch (key) {
      case 'effects':
        has |= EFFECTS;
        break;
      case 'score':
        has |= SCORE;
        break;
      case 'world':
        has |= WORLD;
        break;
      case 'when':
        has |= WHEN;
        break;
      case 'power':
        has |= POWER;
        break;
      case 'reports':
        has |= REPORTS;
        break;
      case 'requests':
        has |= REQUESTS;
        break;
      case 'needs':
        has |= NEEDS;
        break;
      case 'completes':
        has |= COMPLETES;
        break;
      case 'timeoutOnly':
        has |= TIMEOUT_ONLY;
        break;
    }
  }
  return has;
}
