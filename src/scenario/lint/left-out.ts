/**
 * What a repaired view of a file (scenario/repair.ts) left out because its shape failed: known
 * only by its ids, so that what refers to it is not reported as unknown. A rule whose verdict
 * needs the whole file is skipped while anything is left out (lint/index.ts says which).
 */

/** The kinds of declared name a left-out part may have had. */
export type LeftOutKind = 'node' | 'region' | 'actor' | 'power' | 'supply' | 'reference' | 'window' | 'variable';

export interface LeftOut {
  ids: Record<LeftOutKind, Set<string>>;
  /** The nodes left-out injects would open. */
  opens: Set<string>;
  /** The shipments left-out choices or injects would send. */
  shipments: Set<string>;
  /** By node id, the ids of its choices left out. */
  choices: Map<string, Set<string>>;
  /** Whether `start` itself failed its shape. */
  start: boolean;
}

export function emptyLeftOut(): LeftOut {
  return {
    ids: {
      node: new Set(),
      region: new Set(),
      actor: new Set(),
      power: new Set(),
      supply: new Set(),
      reference: new Set(),
      window: new Set(),
      variable: new Set(),
    },
    opens: new Set(),
    shipments: new Set(),
    choices: new Map(),
    start: false,
  };
}
