import { describe, expect, it } from 'vitest';
import { fakeWorldScenario } from '../../test/fake-scenario';
import { describeMeasure } from './describe-measure';

const scenario = fakeWorldScenario();

describe('describeMeasure: routes and roads', () => {
  it('names a shipment’s route', () => {
    expect(
      describeMeasure(scenario, {
        type: 'ship',
        id: 's1',
        supply: 'masks',
        amount: 30,
        from: 'capital',
        to: 'next',
        via: ['home'],
        takes: '1d',
      }),
    ).toBe('从capital向临江市调运医用口罩 30 万只（在途 1d，途经滨江市）');
  });

  it('names the region that intercepts or lets through for an inject, and the trainee’s own otherwise', () => {
    expect(describeMeasure(scenario, { type: 'intercept', shipment: 's1', by: 'next' })).toBe(
      '临江市截留途经的一批物资',
    );
    expect(describeMeasure(scenario, { type: 'release', shipment: 's1' })).toBe('放行途经本地的一批物资');
  });

  it('names a closed or reopened road, its two regions and its share', () => {
    const road = { type: 'road', name: '乡道X203（石桥村段）', between: ['home', 'next'], share: 0.1 } as const;
    expect(describeMeasure(scenario, { ...road, between: ['home', 'next'], open: false })).toBe(
      '关闭乡道X203（石桥村段）（滨江市与临江市之间，约占两地往来的 10%）',
    );
    expect(describeMeasure(scenario, { ...road, between: ['home', 'next'], open: true })).toMatch(/^恢复乡道X203/);
  });
});
