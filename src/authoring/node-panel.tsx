import { useEffect, useRef } from 'react';
import { placeholdersIn } from '../engine/fill-text';
import { RETURN } from '../engine/return';
import { cannotStartAt } from '../engine/run';
import type { Origin } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { StateInspector } from './state-inspector';

interface Props {
  scenario: Scenario;
  nodeId: string;
  onSelect: (nodeId: string) => void;
  /** How to start a trial, or why the drill cannot be played yet. */
  trial: { onStart: (origin: Origin) => void } | { blocked: string };
}

/** One node, as the trainee would read it, with where each choice leads, and a way to play from it. */
export function NodePanel({ scenario, nodeId, onSelect, trial }: Props) {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing a node (in the graph or by a choice's link) takes the reader to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another node is chosen
  useEffect(() => heading.current?.focus({ preventScroll: true }), [nodeId]);
  if (!node) return null;
  const refused = node.kind === 'decision' ? cannotStartAt(scenario, node.id) : null;
  const texts =
    node.kind === 'decision'
      ? [node.text, ...node.choices.map((c) => c.feedback)]
      : [node.text, ...(node.details ?? []).map((d) => d.text)];
  const hasPlaceholder = texts.some((t) => placeholdersIn(t).length > 0);
  return (
    <section className="node-panel panel" aria-labelledby="node-panel-heading">
      <p className="eyebrow">
        {node.kind === 'ending' ? '结局' : '决策节点'} · <code>{node.id}</code>
        {node.id === scenario.start && ' · 开局'}
      </p>
      <h2 id="node-panel-heading" ref={heading} tabIndex={-1}>
        {node.title}
      </h2>
      <p className="node-text">{node.text}</p>
      {hasPlaceholder && (
        <p className="muted">
          文字里的 {'{{…}}'} 是占位符，推演时换成那一刻的游戏内时间或变量值：试玩就能看到学员读到的样子。
        </p>
      )}
      {node.kind === 'ending' && node.details && node.details.length > 0 && (
        <>
          <h3>按本局经过追加的段落</h3>
          <ul className="node-details">
            {node.details.map((detail, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs keep their order
              <li key={i}>{detail.text}</li>
            ))}
          </ul>
        </>
      )}
      {node.kind === 'decision' && (
        <>
          {node.at !== undefined && <p className="muted">这个局面最早出现在开局后 {node.at}。</p>}
          {node.timeLimitSec !== undefined && (
            <p className="muted">
              限时 {node.timeLimitSec} 秒；超时按“{node.choices.find((c) => c.id === node.timeoutChoice)?.label}”处理。
            </p>
          )}
          <h3>选项</h3>
          <ol className="node-choices">
            {node.choices.map((choice) => {
              const branches = typeof choice.next === 'string' ? [{ to: choice.next }] : choice.next;
              return (
                <li key={choice.id}>
                  <span className="choice-label">{choice.label}</span>
                  {choice.when && <span className="badge">有条件</span>}
                  {choice.timeoutOnly && <span className="badge">仅超时</span>}
                  {choice.power !== undefined && <span className="badge">行使 {choice.power}</span>}
                  {choice.reports?.map((power) => (
                    <span key={power} className="badge">
                      报告 {power}
                    </span>
                  ))}
                  <span className="muted"> 用时 {choice.takes} → </span>
                  {branches.map((b, i) =>
                    b.to === RETURN ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: branches keep their order
                      <span key={i}>回到被打断处</span>
                    ) : (
                      <button
                        // biome-ignore lint/suspicious/noArrayIndexKey: branches keep their order
                        key={i}
                        type="button"
                        className="link-button inline"
                        onClick={() => onSelect(b.to)}
                      >
                        {scenario.nodes.find((n) => n.id === b.to)?.title ?? b.to}
                        {'when' in b && b.when ? '（条件成立时）' : ''}
                      </button>
                    ),
                  )}
                  <details>
                    <summary>反馈</summary>
                    <p>{choice.feedback}</p>
                  </details>
                </li>
              );
            })}
          </ol>
          {'blocked' in trial || refused ? (
            <p className="trial-blocked" role="note">
              从此处试玩：{refused ?? ('blocked' in trial ? trial.blocked : '')}
            </p>
          ) : (
            <StateInspector key={node.id} scenario={scenario} nodeId={node.id} onStart={trial.onStart} />
          )}
        </>
      )}
    </section>
  );
}
