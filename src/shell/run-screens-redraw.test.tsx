// @vitest-environment jsdom
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';

// What is drawn, counted: the run's frame (header and side) and each column's consequence.
const drawn = vi.hoisted(() => ({ layout: 0, consequences: [] as string[] }));

vi.mock('../ui/run-layout', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../ui/run-layout')>();
  return {
    ...actual,
    RunLayout: (props: Parameters<typeof actual.RunLayout>[0]) => {
      drawn.layout++;
      return createElement(actual.RunLayout, props);
    },
  };
});

vi.mock('../ui/consequence-screen', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../ui/consequence-screen')>();
  return {
    ...actual,
    ConsequenceMain: (props: Parameters<typeof actual.ConsequenceMain>[0]) => {
      drawn.consequences.push(props.state.timeline.at(-1)?.choiceId ?? '');
      return createElement(actual.ConsequenceMain, props);
    },
  };
});

// The test setup loaded the run's screens before these mocks: they are loaded again, with them.
let rtl: typeof import('@testing-library/react');
let app: typeof import('./app');
let renderApp: typeof import('../../test/render-app');
let runTo: typeof import('../../test/run-to');
beforeAll(async () => {
  vi.resetModules();
  rtl = await import('@testing-library/react');
  await (await import('./run-code')).loadRunCode();
  app = await import('./app');
  renderApp = await import('../../test/render-app');
  runTo = await import('../../test/run-to');
});
beforeEach(() => {
  drawn.layout = 0;
  drawn.consequences.length = 0;
});
afterEach(() => rtl.cleanup());

const hiddenColumns = (root: Element) =>
  [...root.querySelectorAll<HTMLElement>('.consequence-column')].filter((e) => e.style.display === 'none');

describe('the run drawn no more than it changes', () => {
  it('leaves the run unredrawn at 查看复盘: it is hidden as it was, and the debrief shown', async () => {
    const { act, screen, waitFor } = rtl;
    const store = renderApp.storeWith([uiDrill]);
    runTo.playThrough(store, 'ui-drill', ['report']);
    store.getState().decide('publish');
    const { container } = renderApp.renderWithStore(<app.App />, store);
    await waitFor(() => expect(container.querySelector('main.debrief')).not.toBeNull());
    const before = { layout: drawn.layout, consequences: drawn.consequences.length };
    expect(before.layout).toBeGreaterThan(0);
    expect(drawn.consequences).toContain('publish');

    act(() => {
      store.getState().proceed();
    });
    expect(screen.getByRole('main')).toHaveClass('debrief');
    // Neither the frame nor the consequence left behind is drawn again for a screen no one sees.
    expect(drawn.layout).toBe(before.layout);
    expect(drawn.consequences.length).toBe(before.consequences);
  });

  it('draws only the consequence taken at a click, not those drawn ahead beside it', async () => {
    const { act, screen, waitFor } = rtl;
    const store = renderApp.storeWith([uiDrill]);
    runTo.playThrough(store, 'ui-drill', []);
    const { container } = renderApp.renderWithStore(<app.App />, store);
    await waitFor(() => expect(hiddenColumns(container)).toHaveLength(2));
    // Drawn ahead: the two choices on offer (the one only a timeout takes is not).
    expect(new Set(drawn.consequences)).toEqual(new Set(['report', 'verify']));
    const verify = hiddenColumns(container).find((e) => e.querySelector('h1')?.textContent === '先派人核实');
    drawn.consequences.length = 0;

    act(() => {
      store.getState().decide('verify');
    });
    // Shown in the very element drawn ahead, not drawn anew.
    expect(verify?.contains(screen.getByRole('heading', { level: 1, name: '先派人核实' }))).toBe(true);
    // The one taken is drawn again with the real state (the time it took); the other is passed by.
    expect(new Set(drawn.consequences)).toEqual(new Set(['verify']));
  });
});
