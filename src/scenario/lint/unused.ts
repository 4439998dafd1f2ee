/**
 * Declarations nothing uses: a reference no score, window, rule or power cites never reaches the
 * trainee's debrief, and a variable that is neither shown nor read by any condition changes
 * nothing. Warnings, after every other rule has said what it cites and reads.
 */
import type { LintContext } from './context';

export function checkUnused(context: LintContext): void {
  const { scenario } = context;
  scenario.references?.forEach((reference, i) => {
    if (context.citedRefs.has(reference.id)) return;
    context.warning(
      ['references', i, 'id'],
      `依据「${reference.id}」没有被任何评分、时间窗、评分规则或权力引用，学员在复盘里看不到它：在要引用它的地方写进 refs，或删去它。`,
    );
  });
  scenario.variables?.forEach((variable, i) => {
    if (variable.visible || context.readVars.has(variable.id)) return;
    context.warning(
      ['variables', i, 'id'],
      `变量「${variable.id}」既不显示给学员，也没有任何条件读它，改变它不影响任何事：在条件（when、next、结局段落、插入事件）里用上它，设 "visible": true，或删去它。`,
    );
  });
}
