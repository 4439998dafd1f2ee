/**
 * Meaning checks on a scenario whose shape is already valid: names that point nowhere, graph
 * problems, ranges. The same code runs in the app and on the command line.
 */
import { parseDuration } from '../engine/clock';
import { conditionKind } from '../engine/conditions';
import { error, type PathKey, type Problem, warning } from './problem';
import type { Condition, Scenario } from './schema';

function duplicates(ids: readonly string[], path: readonly PathKey[], what: string, problems: Problem[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      problems.push(error([...path, i, 'id'], `${what} id「${id}」重复了：每个${what}的 id 必须唯一，请改名。`));
    seen.add(id);
  });
}

interface Names {
  nodes: Set<string>;
  vars: Map<string, 'number' | 'boolean'>;
}

function checkCondition(c: Condition, path: PathKey[], names: Names, problems: Problem[]): void {
  const kind = conditionKind(c);
  switch (kind) {
    case 'all':
    case 'any': {
      const list = kind === 'all' ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any;
      list.forEach((x, i) => {
        checkCondition(x, [...path, kind, i], names, problems);
      });
      return;
    }
    case 'not':
      checkCondition((c as { not: Condition }).not, [...path, 'not'], names, problems);
      return;
    case 'var': {
      const cmp = c as Extract<Condition, { var: string }>;
      const type = names.vars.get(cmp.var);
      if (!type) {
        problems.push(
          error([...path, 'var'], `变量「${cmp.var}」没有声明：在 variables 里加上它，或改成已声明的变量。`),
        );
      } else if (typeof cmp.value !== type) {
        problems.push(
          error(
            [...path, 'value'],
            `变量「${cmp.var}」是${type === 'number' ? '数值' : '是/否'}变量，不能和 ${JSON.stringify(cmp.value)} 比较。`,
          ),
        );
      } else if (type === 'boolean' && cmp.op !== '==' && cmp.op !== '!=') {
        problems.push(error([...path, 'op'], `是/否变量「${cmp.var}」只能用 == 或 != 比较。`));
      }
      return;
    }
    case 'before':
    case 'after':
      return;
    case 'visited': {
      const id = (c as { visited: string }).visited;
      if (!names.nodes.has(id)) problems.push(error([...path, 'visited'], `节点「${id}」不存在：改成已有节点的 id。`));
      return;
    }
    default:
      kind satisfies never;
  }
}

/** "2026-02-30T08:00" has the right shape but no such day. */
function isRealDateTime(text: string): boolean {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days && h < 24 && mi < 60;
}

/** Node ids reachable from start when every branch may be taken (conditions are not evaluated). */
export function reachableNodes(scenario: Scenario): Set<string> {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [scenario.start];
  while (stack.length) {
    const id = stack.pop() as string;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    if (node.kind !== 'decision') continue;
    for (const choice of node.choices) {
      if (typeof choice.next === 'string') stack.push(choice.next);
      else for (const b of choice.next) stack.push(b.to);
    }
  }
  return seen;
}

export function lint(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const variables = scenario.variables ?? [];
  const references = scenario.references ?? [];
  const windows = scenario.timeWindows ?? [];
  const names: Names = {
    nodes: new Set(scenario.nodes.map((n) => n.id)),
    vars: new Map(variables.map((x) => [x.id, x.type])),
  };
  const refIds = new Set(references.map((r) => r.id));
  const windowIds = new Set(windows.map((w) => w.id));

  duplicates(
    scenario.nodes.map((n) => n.id),
    ['nodes'],
    '节点',
    problems,
  );
  duplicates(
    variables.map((x) => x.id),
    ['variables'],
    '变量',
    problems,
  );
  duplicates(
    references.map((x) => x.id),
    ['references'],
    '依据',
    problems,
  );
  duplicates(
    windows.map((x) => x.id),
    ['timeWindows'],
    '时间窗',
    problems,
  );

  const checkRefs = (refs: readonly string[] | undefined, path: PathKey[]) => {
    refs?.forEach((id, i) => {
      if (!refIds.has(id))
        problems.push(error([...path, i], `依据「${id}」没有在 references 里声明：补上它，或改成已有依据的 id。`));
    });
  };

  variables.forEach((x, i) => {
    if (x.type !== 'number') return;
    if (x.min > x.max)
      problems.push(error(['variables', i, 'max'], `最大值 ${x.max} 小于最小值 ${x.min}：请对调或改正。`));
    else if (x.initial < x.min || x.initial > x.max) {
      problems.push(error(['variables', i, 'initial'], `初始值 ${x.initial} 不在范围 ${x.min}–${x.max} 内。`));
    }
  });
  windows.forEach((w, i) => {
    if (parseDuration(w.ideal) > parseDuration(w.latest)) {
      problems.push(
        error(['timeWindows', i, 'latest'], `最迟时限 ${w.latest} 早于理想时限 ${w.ideal}：最迟时限应不早于理想时限。`),
      );
    }
    checkRefs(w.refs, ['timeWindows', i, 'refs']);
  });

  const startNode = scenario.nodes.find((n) => n.id === scenario.start);
  if (!startNode) {
    problems.push(error(['start'], `开局节点「${scenario.start}」不存在：start 要写成 nodes 中某个节点的 id。`));
  } else if (startNode.kind === 'ending') {
    problems.push(error(['start'], `开局节点「${scenario.start}」是结局：start 要指向一个决策节点。`));
  }
  if (!isRealDateTime(scenario.clockStart)) {
    problems.push(
      error(
        ['clockStart'],
        `开局时间「${scenario.clockStart}」不是真实存在的日期时间：检查月份、日期（如 2 月没有 30 日）和时刻。`,
      ),
    );
  }

  scenario.nodes.forEach((node, n) => {
    if (node.kind !== 'decision') return;
    const at: PathKey[] = ['nodes', n];
    duplicates(
      node.choices.map((c) => c.id),
      [...at, 'choices'],
      '选项',
      problems,
    );
    const choiceIds = new Set(node.choices.map((c) => c.id));
    if (node.timeLimitSec !== undefined && node.timeoutChoice === undefined) {
      problems.push(
        error([...at, 'timeoutChoice'], '设了 timeLimitSec 却没有 timeoutChoice：写明限时用完时采取哪个选项。'),
      );
    }
    if (node.timeoutChoice !== undefined && !choiceIds.has(node.timeoutChoice)) {
      problems.push(
        error([...at, 'timeoutChoice'], `超时选项「${node.timeoutChoice}」不是本节点的选项：改成本节点某个选项的 id。`),
      );
    }
    if (node.timeoutChoice !== undefined && node.timeLimitSec === undefined) {
      problems.push(
        warning(
          [...at, 'timeLimitSec'],
          '写了 timeoutChoice 却没有 timeLimitSec：不限时就不会超时，补上限时秒数或删去 timeoutChoice。',
        ),
      );
    }
    node.choices.forEach((choice, c) => {
      const cp: PathKey[] = [...at, 'choices', c];
      if (choice.timeoutOnly && choice.id !== node.timeoutChoice) {
        problems.push(
          error([...cp, 'timeoutOnly'], '只在超时时采取的选项必须是本节点的 timeoutChoice，否则永远不会被采取。'),
        );
      }
      if (choice.when) checkCondition(choice.when, [...cp, 'when'], names, problems);
      choice.effects?.forEach((effect, e) => {
        const type = names.vars.get(effect.var);
        const ep: PathKey[] = [...cp, 'effects', e];
        if (!type) {
          problems.push(
            error([...ep, 'var'], `变量「${effect.var}」没有声明：在 variables 里加上它，或改成已声明的变量。`),
          );
        } else if (effect.op === 'set' && typeof effect.value !== type) {
          problems.push(
            error(
              [...ep, 'value'],
              `变量「${effect.var}」是${type === 'number' ? '数值' : '是/否'}变量，不能设为 ${JSON.stringify(effect.value)}。`,
            ),
          );
        } else if (effect.op !== 'set' && type !== 'number') {
          problems.push(error([...ep, 'op'], `「${effect.op}」只能用于数值变量，「${effect.var}」是是/否变量。`));
        } else if (effect.op === 'random' && effect.min > effect.max) {
          problems.push(error([...ep, 'max'], `max ${effect.max} 小于 min ${effect.min}。`));
        }
      });
      choice.completes?.forEach((id, i) => {
        if (!windowIds.has(id))
          problems.push(error([...cp, 'completes', i], `时间窗「${id}」没有在 timeWindows 里声明。`));
      });
      choice.score?.forEach((rule, s) => {
        checkRefs(rule.refs, [...cp, 'score', s, 'refs']);
      });
      if (typeof choice.next === 'string') {
        if (!names.nodes.has(choice.next)) {
          problems.push(
            error([...cp, 'next'], `去向节点「${choice.next}」不存在：改成已有节点的 id，或先添加这个节点。`),
          );
        }
      } else {
        choice.next.forEach((branch, b) => {
          if (!names.nodes.has(branch.to)) {
            problems.push(
              error([...cp, 'next', b, 'to'], `去向节点「${branch.to}」不存在：改成已有节点的 id，或先添加这个节点。`),
            );
          }
          if (branch.when) checkCondition(branch.when, [...cp, 'next', b, 'when'], names, problems);
        });
        const last = choice.next[choice.next.length - 1];
        if (last?.when !== undefined) {
          problems.push(error([...cp, 'next'], '去向列表的最后一条要不带 when，作为都不成立时的兜底。'));
        }
      }
    });
  });

  if (names.nodes.has(scenario.start)) {
    const reachable = reachableNodes(scenario);
    const endings = scenario.nodes.filter((n) => n.kind === 'ending');
    if (!endings.some((n) => reachable.has(n.id))) {
      problems.push(
        error(
          ['nodes'],
          endings.length === 0
            ? '没有结局节点：至少添加一个 "kind": "ending" 的节点。'
            : '从开局节点出发到不了任何结局：检查各选项的 next，让至少一条路通向结局。',
        ),
      );
    }
  }
  return problems;
}
