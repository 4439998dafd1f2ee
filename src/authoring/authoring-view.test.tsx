// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { fakeChoice, fakeDecision, fakeInject } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';
import { MAX_LAID_OUT_NODES } from './graph-model';

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
    await waitFor(() => expect(document.title).toBe('编写与试玩 · 桌面推演'));
  });

  it('shows a node’s text and choices when it is clicked, and follows a choice to its node', async () => {
    renderAuthoring();
    await userEvent.click(await graphNode(/（n1）/));
    const panel = screen.getByRole('region', { name: uiDrill.nodes[0]?.title });
    expect(within(panel).getByText('立即网络直报')).toBeInTheDocument();
    await userEvent.click(within(panel).getAllByRole('button', { name: '是否发布信息' })[0] as HTMLElement);
    expect(await screen.findByRole('heading', { name: '是否发布信息' })).toBeInTheDocument();
  });

  it('shows the notes for instructors beside the graph until a node is chosen', async () => {
    renderAuthoring(JSON.stringify({ ...uiDrill, instructorNotes: '最好的一条线教的是：先报告。' }, null, 2));
    const notes = await screen.findByRole('region', { name: '给教员的说明' });
    expect(notes).toHaveTextContent('最好的一条线教的是：先报告。');
    await userEvent.click(await graphNode(/（n1）/));
    expect(screen.queryByRole('region', { name: '给教员的说明' })).toBeNull();
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
    await userEvent.click(screen.getByRole('button', { name: /（n1）/ }));
    expect(screen.getByRole('note')).toHaveTextContent('改正后才能试玩');
    expect(screen.queryByRole('form', { name: '从此处试玩' })).toBeNull();
  });

  it('shows above the graph how many decisions branch and how many routes, and marks the decisions only some routes meet', async () => {
    // 先派人核实 now leads through a check of its own before n2: two routes, one of them through "check".
    const drill = {
      ...uiDrill,
      nodes: [
        ...uiDrill.nodes.map((n) =>
          n.id === 'n1' && n.kind === 'decision'
            ? { ...n, choices: n.choices.map((c) => (c.id === 'verify' ? { ...c, next: 'check' } : c)) }
            : n,
        ),
        fakeDecision({ id: 'check', title: '核实情况', choices: [fakeChoice({ next: 'n2' })] }),
      ],
    };
    const { container } = renderAuthoring(JSON.stringify(drill, null, 2));
    expect(await screen.findByText('主线上 3 个决定中 2 个会分岔；从开局到结局共 2 条路线。')).toBeInTheDocument();
    // In words (the button's name, the legend), not by its line alone.
    const check = await graphNode(/核实情况.*部分路线/);
    expect(check.closest('.graph-node')).toHaveClass('some-routes');
    expect(screen.getByRole('button', { name: /（n1）/ }).closest('.graph-node')).not.toHaveClass('some-routes');
    expect(screen.getByRole('button', { name: /（n2）/ })).not.toHaveAccessibleName(/部分路线/);
    expect(within(screen.getByRole('list', { name: '图例' })).getByText(/部分路线/)).toBeInTheDocument();
    expect(container.querySelectorAll('.graph-node.some-routes')).toHaveLength(1);
  });

  it('says above the graph when too few decisions branch', async () => {
    const line = {
      ...uiDrill,
      nodes: [
        ...uiDrill.nodes.map((n) =>
          n.id === 'n2' && n.kind === 'decision' ? { ...n, choices: n.choices.map((c) => ({ ...c, next: 'n3' })) } : n,
        ),
        fakeDecision({
          id: 'n3',
          title: '第三步',
          choices: [fakeChoice({ next: 'good' }), fakeChoice({ id: 'c2', next: 'bad' })],
        }),
        fakeDecision({ id: 'n0', title: '第零步', choices: [fakeChoice({ next: 'n1' })] }),
      ],
      start: 'n0',
    };
    renderAuthoring(JSON.stringify(line, null, 2));
    const figures = await screen.findByText(/主线上 4 个决定中 1 个会分岔/);
    expect(figures).toHaveTextContent('分岔的决定不到三分之一');
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

  it('starts a trial at the time a node’s situation is set for', async () => {
    const drill = {
      ...uiDrill,
      nodes: uiDrill.nodes.map((n) => (n.id === 'n2' && n.kind === 'decision' ? { ...n, at: '2d' } : n)),
    };
    renderAuthoring(JSON.stringify(drill, null, 2));
    await userEvent.click(await graphNode(/（n2）/));
    const inspector = screen.getByRole('form', { name: '从此处试玩' });
    expect(within(inspector).getByRole('spinbutton', { name: /开局后/ })).toHaveValue(48);
    const panel = screen.getByRole('region', { name: uiDrill.nodes[1]?.title });
    expect(panel).toHaveTextContent('这个局面最早出现在开局后 2d。');
  });

  it('plays from the chosen node with the state set in the inspector, marked as a trial', async () => {
    const { store } = renderAuthoring();
    await userEvent.click(await graphNode(/（n2）/));
    const inspector = screen.getByRole('form', { name: '从此处试玩' });
    const hours = within(inspector).getByRole('spinbutton', { name: /开局后/ });
    await userEvent.clear(hours);
    await userEvent.type(hours, '10');
    const trust = within(inspector).getByRole('spinbutton', { name: /公众信任/ });
    // Blank keeps what the drill has by then, shown in the field.
    expect(trust).toHaveValue(null);
    expect(trust).toHaveAttribute('placeholder', '60');
    await userEvent.type(trust, '95');
    await userEvent.click(within(inspector).getByRole('checkbox', { name: /网络直报/ }));
    await userEvent.click(within(inspector).getByRole('button', { name: '从此处试玩' }));

    expect(store.getState().run?.origin).toEqual({
      node: 'n2',
      clock: 600,
      vars: { trust: 95 },
      regions: {},
      completed: ['report'],
    });
    expect(await screen.findByText('试玩')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(uiDrill.nodes[1]?.title ?? '');
    expect(screen.getByRole('button', { name: '结束试玩' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toMatch(/^试玩 · /));
    // Leaving the trial goes back to the authoring view; the library a trainee sees never lists the draft.
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: '结束试玩' }));
    await userEvent.click(await screen.findByRole('button', { name: '返回演练库' }));
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(store.getState().draftDrill).not.toBeNull();
  });

  it('asks before an opened drill replaces edits that were neither exported nor added to the library', async () => {
    const { store } = renderAuthoring();
    await userEvent.click(screen.getByRole('tab', { name: /JSON/ }));
    fireEvent.change(screen.getByRole('textbox', { name: '剧本 JSON' }), { target: { value: '{}' } });
    await userEvent.click(screen.getByRole('button', { name: '返回演练库' }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const card = screen.getByRole('article', { name: /演练/ });
    await userEvent.click(within(card).getByRole('button', { name: /^编写/ }));
    expect(confirm).toHaveBeenCalled();
    expect(store.getState().draft?.text).toBe('{}');
    confirm.mockReturnValue(true);
    await userEvent.click(within(card).getByRole('button', { name: /^编写/ }));
    expect(store.getState().draft?.text).toContain('"id": "ui-drill"');
    expect(store.getState().draft?.dirty).toBe(false);
  });

  it('refuses a trial from a node an inject opens to be returned from, and says why', async () => {
    const drill = {
      ...uiDrill,
      nodes: [
        ...uiDrill.nodes,
        fakeDecision({ id: 'side', title: '插进来的事', choices: [fakeChoice({ next: '$return' })] }),
      ],
      injects: [fakeInject({ id: 'call', at: '1h', opens: 'side' })],
    };
    renderAuthoring(JSON.stringify(drill, null, 2));
    await userEvent.click(await graphNode(/（side）/));
    expect(screen.getByRole('note')).toHaveTextContent('由插入事件打开');
  });

  it('lists the nodes of a drill too big to lay out, with the same marks, instead of freezing', async () => {
    const nodes = Array.from({ length: MAX_LAID_OUT_NODES + 5 }, (_, i) =>
      fakeDecision({
        id: `d${i}`,
        title: `第 ${i} 步`,
        choices: [fakeChoice({ next: i === MAX_LAID_OUT_NODES + 4 ? 'good' : `d${i + 1}` })],
      }),
    );
    renderAuthoring(JSON.stringify({ ...uiDrill, start: 'd0', nodes: [...nodes, ...uiDrill.nodes] }));
    const list = await screen.findByRole('list', { name: '剧本节点' });
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(MAX_LAID_OUT_NODES);
    expect(within(list).getByRole('button', { name: /（n1）：.*到不了/ })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /剧本结构图/ })).toBeNull();
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
