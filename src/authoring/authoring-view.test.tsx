// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { fakeChoice, fakeDecision } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../ui/app';

function renderAuthoring(text = JSON.stringify(uiDrill, null, 2)) {
  const store = storeWith([uiDrill]);
  store.getState().openDraft({ file: 'ui-drill.json', text });
  return renderWithStore(<App />, store);
}

const graphNode = (name: RegExp) => screen.findByRole('button', { name });

describe('<AuthoringView>', () => {
  it('opens from the library card, with the drill drawn as a graph of its nodes', async () => {
    const store = storeWith([uiDrill]);
    renderWithStore(<App />, store);
    const card = screen.getByRole('article', { name: /演练/ });
    await userEvent.click(within(card).getByRole('button', { name: /^编写/ }));
    expect(store.getState().page).toBe('authoring');
    expect(await screen.findByRole('group', { name: /剧本结构图/ })).toBeInTheDocument();
    for (const id of ['n1', 'n2', 'good', 'bad']) {
      expect(screen.getByRole('button', { name: new RegExp(`（${id}）`) })).toBeInTheDocument();
    }
    expect(screen.getByRole('status')).toHaveTextContent('没有错误');
    expect(document.title).toBe('编写与试玩 · 桌面推演');
  });

  it('shows a node’s text and choices when it is clicked, and follows a choice to its node', async () => {
    renderAuthoring();
    await userEvent.click(await graphNode(/（n1）/));
    const panel = screen.getByRole('region', { name: uiDrill.nodes[0]?.title });
    expect(within(panel).getByText('立即网络直报')).toBeInTheDocument();
    await userEvent.click(within(panel).getAllByRole('button', { name: '是否发布信息' })[0] as HTMLElement);
    expect(await screen.findByRole('heading', { name: '是否发布信息' })).toBeInTheDocument();
  });

  it('marks nodes the start never reaches and nodes with no way to an ending', async () => {
    // The trap is reached from n2, so that it, not the orphan, is the dead end.
    const drill = {
      ...uiDrill,
      nodes: [
        ...uiDrill.nodes.map((n) =>
          n.id === 'n2' && n.kind === 'decision'
            ? { ...n, choices: [...n.choices, fakeChoice({ id: 'stuck', next: 'trap' })] }
            : n,
        ),
        fakeDecision({ id: 'orphan', title: '孤立的节点', choices: [fakeChoice({ next: 'good' })] }),
        fakeDecision({ id: 'trap', title: '死胡同', choices: [fakeChoice({ next: 'trap' })] }),
      ],
    };
    renderAuthoring(JSON.stringify(drill, null, 2));
    expect(await graphNode(/孤立的节点.*到不了/)).toBeInTheDocument();
    expect(await graphNode(/死胡同.*走不到结局/)).toBeInTheDocument();
    // The dead end is an error: the status says so, and no trial can start.
    expect(screen.getByRole('status')).toHaveTextContent(/1 个错误/);
  });

  it('checks the JSON again as it is typed, and keeps the last shape while it does not parse', async () => {
    const { store } = renderAuthoring();
    await userEvent.click(screen.getByRole('tab', { name: /JSON/ }));
    const editor = screen.getByRole('textbox', { name: '剧本 JSON' });
    fireEvent.change(editor, { target: { value: '{ "id": ' } });
    expect(store.getState().draft?.text).toBe('{ "id": ');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 个错误'));
    const problems = screen.getByRole('region', { name: '问题' });
    expect(within(problems).getByText(/第 1 行/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: /结构图/ }));
    expect(screen.getByRole('button', { name: /（n1）/ })).toBeInTheDocument();
  });

  it('moves the caret to a problem’s line when the problem is clicked', async () => {
    const text = JSON.stringify({ ...uiDrill, start: 'nowhere' }, null, 2);
    renderAuthoring(text);
    await userEvent.click(screen.getByRole('tab', { name: /JSON/ }));
    const problems = screen.getByRole('region', { name: '问题' });
    const first = within(problems).getAllByRole('button', { name: /第 \d+ 行/ })[0] as HTMLElement;
    const line = Number(/第 (\d+) 行/.exec(first.textContent ?? '')?.[1]);
    await userEvent.click(first);
    const editor = screen.getByRole('textbox', { name: '剧本 JSON' }) as HTMLTextAreaElement;
    await waitFor(() => expect(editor).toHaveFocus());
    expect(text.slice(0, editor.selectionStart).split('\n')).toHaveLength(line);
  });

  it('plays from the chosen node with the state set in the inspector, marked as a trial', async () => {
    const { store } = renderAuthoring();
    await userEvent.click(await graphNode(/（n2）/));
    const inspector = screen.getByRole('form', { name: '从此处试玩' });
    const hours = within(inspector).getByRole('spinbutton', { name: /开局后/ });
    await userEvent.clear(hours);
    await userEvent.type(hours, '10');
    const trust = within(inspector).getByRole('spinbutton', { name: /公众信任/ });
    await userEvent.clear(trust);
    await userEvent.type(trust, '95');
    await userEvent.click(within(inspector).getByRole('button', { name: '从此处试玩' }));

    expect(store.getState().run?.origin).toEqual({ node: 'n2', clock: 600, vars: { trust: 95 }, regions: {} });
    expect(await screen.findByText('试玩')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(uiDrill.nodes[1]?.title ?? '');
    expect(screen.getByRole('button', { name: '结束试玩' })).toBeInTheDocument();
    expect(document.title).toMatch(/^试玩 · /);
    // Nothing of the draft reaches the library a trainee sees.
    expect(Object.values(store.getState().library.entries).filter((e) => e.source !== 'draft')).toHaveLength(1);
  });

  it('blocks a trial while the drill has errors, and says why', async () => {
    renderAuthoring(JSON.stringify({ ...uiDrill, timeWindows: [{ ...uiDrill.timeWindows?.[0], refs: ['nope'] }] }));
    await userEvent.click(await graphNode(/（n1）/));
    expect(screen.getByRole('note')).toHaveTextContent('改正后才能试玩');
    expect(screen.queryByRole('form', { name: '从此处试玩' })).toBeNull();
  });

  it('puts a valid drill with a new id in the library', async () => {
    const { store } = renderAuthoring(JSON.stringify({ ...uiDrill, id: 'my-drill', title: '我的演练' }));
    await userEvent.click(await screen.findByRole('button', { name: '加入演练库' }));
    expect(await screen.findByText(/已加入演练库/)).toBeInTheDocument();
    expect(store.getState().library.entries['my-drill']?.source).toBe('imported');
  });

  it('has no accessibility violations', async () => {
    const { container } = renderAuthoring();
    await userEvent.click(await graphNode(/（n2）/));
    await expectAccessible(container);
    await userEvent.click(screen.getByRole('tab', { name: /JSON/ }));
    await expectAccessible(container);
  });
});
