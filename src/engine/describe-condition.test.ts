import { describe, expect, it } from 'vitest';
import { worldDrill } from '../../test/fixtures/world-drill';
import type { Metric } from '../scenario/schema';
import { describeCondition } from './describe-condition';
import { start } from './run';
import { metric } from './world';

describe('describeCondition', () => {
  const state = start(worldDrill, 1);
  const ctx = {
    vars: state.vars,
    clock: 0,
    visited: state.visited,
    metric: (name: Metric, region?: string, supply?: string) =>
      name === 'violations' ? 0 : metric(worldDrill, state.world, name, region, supply),
  };

  it('gives each quantity with its value then and what was required', () => {
    expect(
      describeCondition(
        worldDrill,
        {
          any: [
            { metric: 'cases', region: 'city', op: '>=', value: 3000 },
            { metric: 'responseLevel', op: '<=', value: 2 },
          ],
        },
        ctx,
      ),
    ).toBe('云湾市累计感染为 60（要求 ≥ 3000），或应急响应级别为 未启动（要求 ≤ 2）');
  });

  it('reads supplies by name and the clock in days and hours', () => {
    expect(
      describeCondition(
        worldDrill,
        { all: [{ metric: 'supply', region: 'north', supply: 'masks', op: '>', value: 30 }, { after: '1.5d' }] },
        ctx,
      ),
    ).toBe('北溪市口罩库存为 20（要求 > 30），且开局后 1 天 12 小时 之后');
  });
});
