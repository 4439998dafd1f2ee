/**
 * Each node and its choices: ids said once, a time limit with a choice to take when it runs out,
 * and every choice's conditions, effects, measures, powers, requests and `next` naming what the
 * drill declares. "$return" only from a node an inject opens, and only such a node may lead to one
 * that returns.
 */

import { powerInForce } from '../../engine/powers-in-force';
import { RETURN } from '../../engine/return';
import {
  COMPLETES,
  choiceFields,
  EFFECTS,
  NEEDS,
  POWER,
  REPORTS,
  REQUESTS,
  SCORE,
  TIMEOUT_ONLY,
  WHEN,
  WORLD,
} from '../choice-fields';
import { danglingNodes, returningNodes } from '../graph';
import type { PathKey } from '../problem';
import type { Choice, Condition, DecisionNode, ScenarioNode } from '../schema';
import type { LintContext } from './context';
import { didYouMean } from './did-you-mean';
import { under, type Where } from './where';

export function checkNodes(context: LintContext): void {
  const { scenario } = context;
  const opened = new Set((scenario.injects ?? []).flatMap((i) => (i.opens ? [i.opens] : [])));
  for (const id of context.leftOut?.opens ?? []) opened.add(id);
  const ways: Ways = { opened, returning: returningNodes(scenario, opened), dangling: danglingNodes(scenario) };
  if (ways.returning.has(scenario.start)) context.error(['start'], entered(scenario.start));
  // Plain loops: a large drill has tens of thousands of choices, and a closure for each costs. So
  // does a path for each: `at` is one stack, ['nodes', n] between nodes, pushed and popped.
  const at: PathKey[] = ['nodes', 0];
  const fields = choiceFields(scenario);
  for (let n = 0; n < scenario.nodes.length; n++) {
    const node = scenario.nodes[n] as ScenarioNode;
    at[1] = n;
    if (node.kind !== 'decision') {
      node.details?.forEach((detail, i) => {
        context.condition(detail.when, under(at, 'details', i, 'when'));
      });
      continue;
    }
    at.push('choices');
    context.duplicates(node.choices, at, '选项');
    at.pop();
    if (node.timeLimitSec !== undefined && node.timeoutChoice === undefined) {
      context.error(under(at, 'timeoutChoice'), '设了 timeLimitSec 却没有 timeoutChoice：写明限时用完时采取哪个选项。');
    }
    if (
      node.timeoutChoice !== undefined &&
      !node.choices.some((c) => c.id === node.timeoutChoice) &&
      !context.leftOut?.choices.get(node.id)?.has(node.timeoutChoice)
    ) {
      context.error(
        under(at, 'timeoutChoice'),
        `超时选项「${node.timeoutChoice}」不是本节点的选项：改成本节点某个选项的 id。`,
      );
    }
    if (node.timeoutChoice !== undefined && node.timeLimitSec === undefined) {
      context.warning(
        under(at, 'timeLimitSec'),
        '写了 timeoutChoice 却没有 timeLimitSec：不限时就不会超时，补上限时秒数或删去 timeoutChoice。',
      );
    }
    const first = fields.start[n] as number;
    for (let c = 0; c < node.choices.length; c++) {
      at.push('choices', c);
      checkChoice(context, node, node.choices[c] as Choice, fields.bits[first + c] as number, at, ways);
      at.pop();
      at.pop();
    }
  }
}

/** What the graph says of where choices lead, read by each branch's check. */
interface Ways {
  /** Nodes an inject opens (a left-out one's included). */
  opened: ReadonlySet<string>;
  /** Opened nodes that may "$return", or lead through opened nodes to one that does. */
  returning: ReadonlySet<string>;
  /**
   * Nodes with a choice that leads to an id no node has. The graph has looked up every id a choice
   * leads to: only these nodes' ids are looked up again, to say which (tens of thousands of lookups otherwise).
   */
  dangling: ReadonlySet<string>;
}

function entered(id: string): string {
  return `节点「${id}」用 "$return" 回到插入事件打断之前的去向，只能由插入事件打开：这里请改去别的节点。`;
}

/** `at`: the choice's path, a stack left as it was given. */
function checkChoice(
  context: LintContext,
  node: DecisionNode,
  choice: Choice,
  has: number,
  at: PathKey[],
  ways: Ways,
): void {
  if (has !== 0) checkFields(context, node, choice, at, has);
  // A plain id is one branch, reported at `next` itself.
  if (typeof choice.next === 'string') checkBranch(context, node, choice.next, at, null, ways);
  else {
    for (let b = 0; b < choice.next.length; b++) {
      const branch = choice.next[b] as { to: string; when?: Condition };
      checkBranch(context, node, branch.to, at, b, ways);
      if (branch.when) {
        at.push('next', b, 'when');
        context.condition(branch.when, at);
        at.pop();
        at.pop();
        at.pop();
      }
    }
    // Branches are tried in order: without a last one for every case, a run could go nowhere.
    if (choice.next[choice.next.length - 1]?.when !== undefined) {
      context.error(under(at, 'next'), '去向列表的最后一条要不带 when，作为都不成立时的兜底。');
    }
  }
}

/** The checks of the optional fields `has` names. Each reads its field's value: a choice built in code may hold undefined there. */
function checkFields(context: LintContext, node: DecisionNode, choice: Choice, at: PathKey[], has: number): void {
  if (has & TIMEOUT_ONLY && choice.timeoutOnly && choice.id !== node.timeoutChoice) {
    context.error(under(at, 'timeoutOnly'), '只在超时时采取的选项必须是本节点的 timeoutChoice，否则永远不会被采取。');
  }
  if (has & WHEN && choice.when) {
    at.push('when');
    context.condition(choice.when, at);
    at.pop();
  }
  if (has & EFFECTS && choice.effects) {
    at.push('effects');
    context.effects(choice.effects, at);
    at.pop();
  }
  if (has & WORLD && choice.world) {
    at.push('world');
    context.measures(choice.world, at);
    at.pop();
  }
  const completes = has & COMPLETES ? choice.completes : undefined;
  if (completes)
    for (let i = 0; i < completes.length; i++) context.knownAt('window', completes[i] as string, at, 'completes', i);
  const score = has & SCORE ? choice.score : undefined;
  if (score) {
    for (let i = 0; i < score.length; i++) {
      const refs = (score[i] as (typeof score)[number]).refs;
      if (!refs) continue;
      at.push('score', i, 'refs');
      context.refs(refs, at);
      at.pop();
      at.pop();
      at.pop();
    }
  }
  // A power no one holds (holders: []) may be exercised: that is the 越权 a drill can set as a
  // trap, and the engine charges it. Only asking for it, or waiting to be authorised, is a mistake.
  if (has & POWER && choice.power !== undefined) context.knownAt('power', choice.power, at, 'power');
  const reports = has & REPORTS ? choice.reports : undefined;
  if (reports) {
    for (let i = 0; i < reports.length; i++) {
      const id = reports[i] as string;
      if (!context.knownAt('power', id, at, 'reports', i)) continue;
      const power = powerInForce(context.scenario, id);
      if (power && !power.report) {
        context.error(
          under(at, 'reports', i),
          `「${power.name}」没有报告义务（权力没有写 report）：删去这一项，或给这项权力写上 report。`,
        );
      }
    }
  }
  if (has & REQUESTS && choice.requests) {
    context.knownAt('power', choice.requests.power, at, 'requests', 'power');
    const asked = context.knownAt('actor', choice.requests.from, at, 'requests', 'from');
    const power = powerInForce(context.scenario, choice.requests.power);
    if (asked && power?.holders.length === 0) {
      context.error(
        under(at, 'requests', 'from'),
        `「${power.name}」没有享有者（holders 为空），演练里没有谁能批准它，这个请求永远不会获批：把有权决定的机关写成主体放进 holders，再向它请求；或删去 requests。`,
      );
    } else if (asked && power && !power.holders.includes(choice.requests.from)) {
      context.error(
        under(at, 'requests', 'from'),
        `「${choice.requests.from}」并不享有「${power.name}」，无法授权：改为向 holders 中的主体请求。`,
      );
    }
    if (choice.requests.when) context.condition(choice.requests.when, under(at, 'requests', 'when'));
    checkRequestPath(context, choice.requests, under(at, 'requests'));
  }
  if (has & NEEDS && choice.needs) {
    context.condition(choice.needs.when, under(at, 'needs', 'when'));
    context.refs(choice.needs.refs, under(at, 'needs', 'refs'));
  }
}

/**
 * Where one branch leads: "$return" only from a node an inject opens, a node that exists, and one
 * that returns only from such a node. Reported at the choice's `next` when it is a plain id (`b`
 * null), else at branch `b`'s `to`; the path is built only then.
 */
function checkBranch(
  context: LintContext,
  node: DecisionNode,
  to: string,
  at: Where,
  b: number | null,
  { opened, returning, dangling }: Ways,
): void {
  let problem: string | null = null;
  if (to === RETURN) {
    if (!opened.has(node.id)) problem = '"$return" 只能用在插入事件打开的节点里：这里请写一个节点 id。';
  } else if (dangling.has(node.id) && !context.names.node.has(to)) {
    problem = `去向节点「${to}」不存在：${didYouMean(to, context.names.node)}改成已有节点的 id，或先添加这个节点。`;
  } else if (returning.has(to) && !opened.has(node.id)) {
    problem = entered(to);
  }
  if (problem !== null) context.error(b === null ? under(at, 'next') : under(at, 'next', b, 'to'), problem);
}

/**
 * A request's way up and its answer: the actors it passes through are declared, none twice, none
 * the one who decides or the trainee; and some answer can come — at `after`, or from an inject
 * that decides it.
 */
function checkRequestPath(context: LintContext, request: NonNullable<Choice['requests']>, at: Where): void {
  const { scenario } = context;
  const seen = new Set<string>();
  request.via?.forEach((id, i) => {
    if (!context.known('actor', id, under(at, 'via', i))) return;
    if (id === request.from) {
      context.error(under(at, 'via', i), `「${id}」是作决定的主体（from），不是转报的：从 via 里删去它。`);
    } else if (id === scenario.roleActor) {
      context.error(under(at, 'via', i), `「${id}」是学员自己（roleActor），请求从学员发出，不必写进 via：删去它。`);
    } else if (seen.has(id)) {
      context.error(under(at, 'via', i), `「${id}」在 via 里出现了两次：每个转报的主体只写一次。`);
    }
    seen.add(id);
  });
  if (request.after !== undefined) return;
  if (request.when !== undefined) {
    context.warning(
      under(at, 'when'),
      '没有写 after，when 就不起作用（when 决定的是到 after 时批准还是不批准）：写上 after，或删去 when，由插入事件的 decides 答复。',
    );
  }
  const answered = (scenario.injects ?? []).some((i) => i.decides?.power === request.power);
  if (!answered) {
    context.warning(
      at,
      `这个请求没有写 after，也没有插入事件用 decides 答复「${request.power}」：学员永远等不到答复。如果“始终没有答复”正是要教的，保留它；否则写上 after，或加一个 decides 的插入事件。`,
    );
  }
}
