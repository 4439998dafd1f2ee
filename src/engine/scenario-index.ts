import type { Choice, DecisionNode, Reference, Scenario, ScenarioNode, TimeWindow, Variable } from '../scenario/schema';

/** Lookups by id, built once per scenario object (scenarios are immutable once loaded). */
export interface ScenarioIndex {
  node: Map<string, ScenarioNode>;
  variable: Map<string, Variable>;
  reference: Map<string, Reference>;
  window: Map<string, TimeWindow>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function scenarioIndex(scenario: Scenario): ScenarioIndex {
  let index = cache.get(scenario);
  if (!index) {
    index = {
      node: new Map(scenario.nodes.map((n) => [n.id, n])),
      variable: new Map((scenario.variables ?? []).map((x) => [x.id, x])),
      reference: new Map((scenario.references ?? []).map((x) => [x.id, x])),
      window: new Map((scenario.timeWindows ?? []).map((x) => [x.id, x])),
    };
    cache.set(scenario, index);
  }
  return index;
}

export function findNode(scenario: Scenario, id: string): ScenarioNode | undefined {
  return scenarioIndex(scenario).node.get(id);
}

export function findChoice(node: DecisionNode, id: string): Choice | undefined {
  return node.choices.find((c) => c.id === id);
}
