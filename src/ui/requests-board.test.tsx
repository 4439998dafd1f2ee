// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { worldDrill } from '../../test/fixtures/world-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { playThrough } from '../../test/run-to';
import type { Grant } from '../engine/types';
import { App } from '../shell/app';
import { RequestsBoard } from './requests-board';

const HOUR = 60;
const request = (overrides: Partial<Grant> = {}): Grant => ({
  power: 'warning',
  from: 'government',
  via: [],
  requestedAt: 2 * HOUR,
  at: null,
  refusedAt: null,
  ...overrides,
});

function board(grants: Grant[], clock: number) {
  const { container } = render(<RequestsBoard scenario={worldDrill} grants={grants} clock={clock} />);
  return {
    container,
    items: () => within(screen.getByRole('region', { name: '请示与批复' })).getAllByRole('listitem'),
  };
}

describe('RequestsBoard', () => {
  it('shows nothing before the trainee has asked', () => {
    const { container } = board([request({ requestedAt: 5 * HOUR })], 4 * HOUR);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a request waiting, with its way up, and not an answer that has not come yet', async () => {
    const { container, items } = board([request({ via: ['commission'], at: 10 * HOUR })], 3 * HOUR);
    expect(items()[0]).toHaveTextContent('发布传染病预警等待答复经市卫生健康委员会报市人民政府，1月8日 10:00 提出');
    expect(items()[0]).not.toHaveTextContent('已批准');
    await expectAccessible(container);
  });

  it('shows the answer once its time has come: granted or refused, and when', () => {
    const { items } = board([request({ at: 10 * HOUR }), request({ refusedAt: 6 * HOUR })], 12 * HOUR);
    expect(items()[0]).toHaveTextContent('已批准报市人民政府，1月8日 10:00 提出，1月8日 18:00 答复');
    expect(items()[1]).toHaveTextContent('未批准报市人民政府，1月8日 10:00 提出，1月8日 14:00 答复');
  });
});

describe('the consequence screen', () => {
  it('tells of an answer that came while the decision was being made', () => {
    const drill = {
      ...worldDrill,
      actors: [...(worldDrill.actors ?? []), { id: 'province', name: '省人民政府' }],
      nodes: worldDrill.nodes.map((n) =>
        n.kind === 'decision' && n.id === 'n1'
          ? {
              ...n,
              choices: n.choices.map((c, i) =>
                i === 0
                  ? { ...c, requests: { power: 'warning', from: 'government', via: ['province'], after: '0m' } }
                  : c,
              ),
            }
          : n,
      ),
    };
    const store = storeWith([drill]);
    playThrough(store, 'world-drill', [
      drill.nodes[0]?.kind === 'decision' ? (drill.nodes[0].choices[0]?.id ?? '') : '',
    ]);
    store.setState((s) => {
      if (s.run) s.run.view = 'consequence';
    });
    renderWithStore(<App />, store);
    const list = screen.getByRole('heading', { name: '请示与批复', level: 3 }).nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining('请求“发布传染病预警”（经省人民政府报市人民政府）'),
      expect.stringContaining('市人民政府批准“发布传染病预警”'),
    ]);
  });
});
