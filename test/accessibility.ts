import axe from 'axe-core';
import { expect } from 'vitest';

/** Fails with the rule ids and targets when axe finds a violation (colour contrast is not computed in jsdom). */
export async function expectAccessible(container: Element): Promise<void> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}
