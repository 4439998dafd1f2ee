/**
 * A view of a file whose shape is not yet right, for the meaning checks to run on while the shape
 * errors are being fixed: each node, choice, inject, reference (or other listed item) that fails
 * the shape is left out, and what the rest of the file may say about it — its id, the node it
 * opens, the shipments it sends — is kept aside, so that references to it are not reported as
 * unknown (lint/left-out.ts). The file itself is never changed, and the view is never played.
 */
import * as v from 'valibot';
import { emptyLeftOut, type LeftOut } from './lint/left-out';
import { type PathKey, toPointer } from './problem';
import { type Scenario, ScenarioSchema } from './schema';
import { shapeProblems } from './shape-messages';

/** The lists whose items are left out one by one, and the kind of name each item's id is. */
const LISTS = {
  nodes: 'node',
  injects: null,
  variables: 'variable',
  references: 'reference',
  timeWindows: 'window',
  regions: 'region',
  travel: null,
  actors: 'actor',
  powers: 'power',
  supplies: 'supply',
} as const;

type ListKey = keyof typeof LISTS;

/** Fields no meaning check reads: a wrong one is given a value of the right shape in the view. */
const STAND_INS: Record<string, unknown> = {
  schemaVersion: 1,
  id: 'stand-in',
  title: '—',
  summary: '—',
  role: '—',
  estimatedMinutes: 1,
  briefing: '—',
  // Only checked for being a real date.
  clockStart: '2000-01-01T00:00',
};

/** Optional fields whose absence no meaning check reports on: a wrong one is left out of the view. */
const LEFT_OUT_WHOLE = new Set(['$comment', '$schema', 'instructorNotes', 'scoring', 'epidemic', 'travel']);

/** The file's own fields: any other is an unknown field, and is left out of the view. */
const FIELDS = new Set(Object.keys(ScenarioSchema.pipe[0].entries));

/** How many times the view is checked again: leaving out a choice can leave its node with none. */
const ROUNDS = 4;

export interface RepairedView {
  scenario: Scenario;
  leftOut: LeftOut;
  /** A pointer into the view, turned into the same place in the file. */
  toFile(pointer: string): string;
}

const isIndex = (key: string | undefined) => key !== undefined && /^\d+$/.test(key);

function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Every shipment id a left-out part sends (a `ship` measure anywhere in it). */
function shipmentsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) for (const x of value) shipmentsIn(x, found);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'ship' && typeof o.id === 'string') found.add(o.id);
    for (const x of Object.values(o)) shipmentsIn(x, found);
  }
}

const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * The view of `data` with what `pointers` (shape problems) point into left out, or null when a
 * problem lies where nothing can be left out without misleading the checks (the start's law year,
 * the trainee's actor or region, a list that is not a list): then only the shape is reported.
 */
export function repairedView(data: Record<string, unknown>, pointers: readonly string[]): RepairedView | null {
  const view: Record<string, unknown> = { ...data };
  const leftOut = emptyLeftOut();
  // The file index of each item in the view's lists, and of each choice in the view's nodes.
  const origin = new Map<string, number[]>();
  const choiceOrigin: number[][] = [];
  for (const key of Object.keys(LISTS)) {
    const list = view[key];
    if (Array.isArray(list))
      origin.set(
        key,
        list.map((_, i) => i),
      );
  }
  if (!Array.isArray(view.nodes)) return null;
  view.nodes.forEach((node, n) => {
    const choices = (node as { choices?: unknown } | null)?.choices;
    choiceOrigin[n] = Array.isArray(choices) ? choices.map((_, i) => i) : [];
  });

  let pending = pointers;
  for (let round = 0; round < ROUNDS; round++) {
    const items = new Map<ListKey, Set<number>>();
    const choices = new Map<number, Set<number>>();
    for (const pointer of pending) {
      const [key, index, field, choice] = segments(pointer);
      if (key === undefined) return null;
      if (key in LISTS && isIndex(index) && Array.isArray(view[key])) {
        const n = Number(index);
        if (key === 'nodes' && field === 'choices' && isIndex(choice)) {
          const set = choices.get(n) ?? new Set<number>();
          set.add(Number(choice));
          choices.set(n, set);
        } else {
          const set = items.get(key as ListKey) ?? new Set<number>();
          set.add(n);
          items.set(key as ListKey, set);
        }
      } else if (key === 'start') {
        leftOut.start = true;
        const ids = new Set((view.nodes as unknown[]).map(idOf));
        let standIn = 'start';
        while (ids.has(standIn)) standIn += '_';
        view.start = standIn;
      } else if (key in STAND_INS) {
        view[key] = STAND_INS[key];
      } else if (LEFT_OUT_WHOLE.has(key) || !FIELDS.has(key)) {
        delete view[key];
      } else {
        return null;
      }
    }
    leaveOutChoices(view, choices, choiceOrigin, leftOut);
    for (const [key, drop] of items) {
      const list = view[key] as unknown[];
      for (const i of drop) {
        const item = list[i];
        const id = idOf(item);
        const kind = LISTS[key];
        if (id !== undefined && kind !== null) leftOut.ids[kind].add(id);
        const opens = (item as { opens?: unknown } | null)?.opens;
        if (key === 'injects' && typeof opens === 'string') leftOut.opens.add(opens);
        shipmentsIn(item, leftOut.shipments);
      }
      view[key] = list.filter((_, i) => !drop.has(i));
      origin.set(
        key,
        (origin.get(key) as number[]).filter((_, i) => !drop.has(i)),
      );
      if (key === 'nodes') {
        const kept = choiceOrigin.filter((_, i) => !drop.has(i));
        choiceOrigin.length = 0;
        choiceOrigin.push(...kept);
      }
    }
    const parsed = v.safeParse(ScenarioSchema, view);
    if (parsed.success) {
      return { scenario: parsed.output, leftOut, toFile: (pointer) => toFile(pointer, origin, choiceOrigin) };
    }
    pending = shapeProblems(parsed.issues).map((p) => p.pointer);
  }
  return null;
}

/** Leaves out the choices of each node in `choices` (view indexes), noting their ids. NOTE mutates `view`, `choiceOrigin` and `leftOut`. */
function leaveOutChoices(
  view: Record<string, unknown>,
  choices: ReadonlyMap<number, ReadonlySet<number>>,
  choiceOrigin: number[][],
  leftOut: LeftOut,
): void {
  if (choices.size === 0) return;
  const nodes = [...(view.nodes as unknown[])];
  for (const [n, drop] of choices) {
    const node = nodes[n] as { id?: unknown; choices?: unknown };
    if (!Array.isArray(node.choices)) continue;
    const nodeId = idOf(node) ?? '';
    const ids = leftOut.choices.get(nodeId) ?? new Set<string>();
    const choices: unknown[] = node.choices;
    for (const i of drop) {
      const id = idOf(choices[i]);
      if (id !== undefined) ids.add(id);
      shipmentsIn(choices[i], leftOut.shipments);
    }
    leftOut.choices.set(nodeId, ids);
    nodes[n] = { ...node, choices: choices.filter((_, i) => !drop.has(i)) };
    choiceOrigin[n] = (choiceOrigin[n] ?? []).filter((_, i) => !drop.has(i));
  }
  view.nodes = nodes;
}

function toFile(pointer: string, origin: ReadonlyMap<string, number[]>, choiceOrigin: readonly number[][]): string {
  const path: PathKey[] = segments(pointer);
  const [key, index, field, choice] = path as string[];
  const list = key === undefined ? undefined : origin.get(key);
  if (list && isIndex(index)) {
    const n = Number(index);
    path[1] = list[n] ?? n;
    if (key === 'nodes' && field === 'choices' && isIndex(choice))
      path[3] = choiceOrigin[n]?.[Number(choice)] ?? Number(choice);
  }
  return toPointer(path);
}
