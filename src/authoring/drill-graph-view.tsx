import type { KeyboardEvent } from 'react';
import { type DrillGraph, type GraphNode, type GraphShape, NODE_HEIGHT, NODE_WIDTH } from './graph-model';

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  decision: '决策',
  ending: '结局',
  inject: '插入事件',
  missing: '不存在',
};

/** Plain words for a node's marks, shown on the box and read out by screen readers. */
export function nodeMarks(node: Omit<GraphNode, 'x' | 'y'>): string[] {
  const marks: string[] = [];
  if (node.start) marks.push('开局');
  if (node.timed) marks.push('限时');
  if (node.unreachable) marks.push('到不了');
  if (node.deadEnd) marks.push('走不到结局');
  if (node.someRoutes) marks.push('部分路线');
  if (node.returns) marks.push('返回');
  if (node.problems.errors) marks.push(`${node.problems.errors} 个错误`);
  if (node.problems.warnings) marks.push(`${node.problems.warnings} 个提醒`);
  return marks;
}

/** How a node is named to a screen reader and in the list: kind, title, id and its marks. */
function nodeLabel(node: Omit<GraphNode, 'x' | 'y'>): string {
  const marks = nodeMarks(node);
  return `${KIND_LABEL[node.kind]}「${node.title}」（${node.id}）${marks.length ? `：${marks.join('，')}` : ''}`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Props {
  graph: DrillGraph;
  selected: string | null;
  onSelect: (node: GraphNode) => void;
}

/** The drill's graph as SVG: each node a button, edges as arrows, marks in words, line and colour. */
export function DrillGraphView({ graph, selected, onSelect }: Props) {
  const onKey = (node: GraphNode) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(node);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; the group names its buttons
    <svg
      className="drill-graph"
      width={graph.width}
      height={graph.height}
      viewBox={`0 0 ${graph.width} ${graph.height}`}
      role="group"
      aria-label="剧本结构图：节点与选项"
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
        </marker>
      </defs>
      {graph.edges.map((edge) => (
        <polyline
          key={`${edge.from}→${edge.to}`}
          className={`graph-edge edge-${edge.kind}`}
          points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
          markerEnd="url(#arrow)"
        >
          <title>{edge.labels.join('；')}</title>
        </polyline>
      ))}
      {graph.nodes.map((node) => {
        const marks = nodeMarks(node);
        const classes = [
          'graph-node',
          `node-${node.kind}`,
          node.unreachable && 'unreachable',
          node.deadEnd && 'dead-end',
          node.someRoutes && 'some-routes',
          node.problems.errors > 0 && 'has-errors',
          selected === node.key && 'selected',
        ].filter(Boolean);
        const label = nodeLabel(node);
        const interactive = node.kind === 'decision' || node.kind === 'ending';
        const rect = <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={node.kind === 'ending' ? 24 : 6} />;
        return (
          <g
            key={node.key}
            className={classes.join(' ')}
            transform={`translate(${node.x - NODE_WIDTH / 2},${node.y - NODE_HEIGHT / 2})`}
            data-node={node.key}
            {...(!interactive && { role: 'img', 'aria-label': label })}
          >
            {interactive ? (
              // The button is the box; its words lie over it, outside it: a title cut short on screen
              // is not a name the button's full label contains word for word (WCAG 2.5.3, as axe reads it).
              // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
              <g
                role="button"
                tabIndex={0}
                aria-label={label}
                aria-current={selected === node.key}
                onClick={() => onSelect(node)}
                onKeyDown={onKey(node)}
              >
                {rect}
              </g>
            ) : (
              rect
            )}
            <g aria-hidden={interactive || undefined} pointerEvents="none">
              <text x={10} y={22} className="node-title">
                {shorten(node.title, 11)}
              </text>
              <text x={10} y={40} className="node-id">
                {shorten(node.id, 22)}
              </text>
              {marks.length > 0 && (
                <text x={10} y={56} className="node-marks">
                  {shorten(marks.join(' · '), 16)}
                </text>
              )}
            </g>
          </g>
        );
      })}
    </svg>
  );
}

interface ListProps {
  shape: GraphShape;
  selected: string | null;
  onSelect: (node: Omit<GraphNode, 'x' | 'y'>) => void;
  why: string;
}

/** The nodes as a list with the same marks, for a drill too big to lay out as a graph in time. */
export function NodeList({ shape, selected, onSelect, why }: ListProps) {
  return (
    <div className="node-list">
      <p className="muted">{why}</p>
      <ol aria-label="剧本节点">
        {shape.nodes.map((node) => {
          const interactive = node.kind === 'decision' || node.kind === 'ending';
          const text = nodeLabel(node);
          return (
            <li key={node.key} className={node.unreachable || node.deadEnd || node.problems.errors ? 'flagged' : ''}>
              {interactive ? (
                <button
                  type="button"
                  className="link-button inline"
                  aria-current={selected === node.key}
                  onClick={() => onSelect(node)}
                >
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
