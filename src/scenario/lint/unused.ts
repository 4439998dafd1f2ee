/**
 * Declarations nothing uses: a reference no score, window, rule or power cites never reaches the
 * trainee's debrief, and a variable that is neither shown nor read by any condition changes
 * nothing; nor does a roll of the dice on it. Warnings, after every other rule has said what it
 * cites and reads.
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
  const shown = new Set(scenario.variables?.flatMap((v) => (v.visible ? [v.id] : [])));
  for (const roll of context.rolls) {
    if (shown.has(roll.var) || context.readVars.has(roll.var)) continue;
    const value = context.vars.get(roll.var) === 'boolean' ? '"op": "==", "value": true' : '"op": ">=", "value": …';
    context.warning(
      roll.path,
      `这条效果按概率改变变量「${roll.var}」，但没有条件读它，它也不显示，成败在学员那里看不出分别：在 next 的 when 里按它分支（如 {"var": "${roll.var}", ${value}}），设 "visible": true，或删去 chance。`,
    );
  }
  scenario.variables?.forEach((variable, i) => {
    if (variable.visible || context.readVars.has(variable.id)) return;
    context.warning(
      ['variables', i, 'id'],
      `变量「${variable.id}」既不显示给学员，也没有任何条件读它，改变它不影响任何事：在条件（when、next、结局段落、插入事件）里用上它，设 "visible": true，或删去它。`,
    );
  });
}
