// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { fakeScenario } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';

const imported = fakeScenario({ id: 'imported-drill', title: '导入的演练' });

function renderComponent() {
  return renderWithStore(<App />, storeWith([uiDrill]));
}

async function paste(text: string) {
  // The panel comes a frame after the library's cards.
  const box = await screen.findByLabelText('或粘贴情景 JSON：');
  await userEvent.click(box);
  await userEvent.paste(text);
  await userEvent.click(screen.getByRole('button', { name: '检查并导入' }));
}

describe('<ImportPanel>', () => {
  it('imports a pasted drill into the library, ready to play', async () => {
    const { store } = renderComponent();
    await paste(JSON.stringify(imported));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入“导入的演练”');
    const card = screen.getByRole('article', { name: /导入的演练/ });
    expect(within(card).getByText('导入')).toBeInTheDocument();
    expect(store.getState().imports).toHaveLength(1);
    await userEvent.click(within(card).getByRole('button', { name: /开始演练/ }));
    expect(store.getState().run?.scenarioId).toBe('imported-drill');
  });

  it('imports a file chosen with the file picker', async () => {
    const { store } = renderComponent();
    const file = new File([JSON.stringify(imported)], 'mine.json', { type: 'application/json' });
    await userEvent.upload(await screen.findByLabelText('选择文件…'), file);
    expect(await screen.findByRole('status')).toHaveTextContent('已导入');
    expect(store.getState().imports[0]?.file).toBe('mine.json');
  });

  it('imports a file Notepad saved as “Unicode” (UTF-16 with its byte-order mark)', async () => {
    const { store } = renderComponent();
    const json = JSON.stringify(imported);
    const bytes = new Uint8Array(2 + json.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, true);
    for (let i = 0; i < json.length; i++) view.setUint16(2 + i * 2, json.charCodeAt(i), true);
    await userEvent.upload(await screen.findByLabelText('选择文件…'), new File([bytes], 'notepad.json'));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入“导入的演练”');
    expect(store.getState().imports[0]?.file).toBe('notepad.json');
  });

  it('refuses a binary file without offering to edit it as text', async () => {
    const { store } = renderComponent();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await userEvent.upload(await screen.findByLabelText('选择文件…'), new File([png], 'photo.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这不是文本文件');
    expect(within(alert).queryByRole('button', { name: '在编写视图中修改' })).toBeNull();
    expect(store.getState().imports).toEqual([]);
  });

  it('lists every problem of a broken file with its line and the line itself, and changes nothing', async () => {
    const { store } = renderComponent();
    const before = store.getState().library.entries;
    const broken = JSON.stringify(
      { ...imported, nodes: [{ ...imported.nodes[0], title: 5 }, imported.nodes[1]] },
      null,
      2,
    );
    await paste(broken);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('粘贴的内容 有 1 个问题，未导入');
    expect(alert).toHaveTextContent('/nodes/0/title');
    expect(alert).toHaveTextContent(/第 \d+ 行第 \d+ 列：应为文字/);
    expect(alert).toHaveTextContent('"title": 5');
    expect(store.getState().library.entries).toBe(before);
    expect(store.getState().imports).toEqual([]);
  });

  it('refuses a drill that would replace a shipped one', async () => {
    renderComponent();
    await paste(JSON.stringify({ ...imported, id: 'ui-drill' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('与自带的演练重复');
  });

  it('removes an imported drill', async () => {
    const { store } = renderComponent();
    await paste(JSON.stringify(imported));
    await screen.findByRole('status');
    await userEvent.click(screen.getByRole('button', { name: /移除/ }));
    await waitFor(() => expect(screen.queryByRole('article', { name: /导入的演练/ })).not.toBeInTheDocument());
    expect(store.getState().imports).toEqual([]);
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await paste('{ not json');
    await screen.findByRole('alert');
    await expectAccessible(container);
  });
});
