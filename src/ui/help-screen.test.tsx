// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { markdownAst } from '../../scripts/markdown-ast';
import { expectAccessible } from '../../test/accessibility';
import { HelpContent } from './help-screen';

const doc = markdownAst(
  [
    '# 指南',
    '## 节点',
    '见 [规范](https://example.org) 和 [危险](javascript:alert(1)) 与 [模型](epidemic.md)。',
    '<script>window.hacked = true</script>',
    '```json',
    '{ "id": "x" }',
    '```',
  ].join('\n\n'),
);

describe('<HelpContent>', () => {
  it('lists the sections and renders the guide as elements', () => {
    render(<HelpContent doc={doc} />);
    const toc = screen.getByRole('navigation', { name: '目录' });
    expect(within(toc).getByRole('link', { name: '节点' })).toHaveAttribute('href', '#section-2');
    expect(screen.getByRole('heading', { level: 2, name: '节点' })).toHaveAttribute('id', 'section-2');
    expect(screen.getByRole('region', { name: 'json 代码' })).toHaveTextContent('{ "id": "x" }');
  });

  it('opens web links in a new tab without access back, and never makes other links', () => {
    render(<HelpContent doc={doc} />);
    const web = screen.getByRole('link', { name: '规范' });
    expect(web).toHaveAttribute('target', '_blank');
    expect(web).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.queryByRole('link', { name: '危险' })).toBeNull();
    expect(screen.getByText('epidemic.md')).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(/window.hacked/)).toBeInTheDocument();
  });

  it('shows code as written, entities included', () => {
    render(<HelpContent doc={markdownAst('写成 `a &amp; b`。')} />);
    expect(screen.getByText('a &amp; b')).toBeInTheDocument();
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<HelpContent doc={doc} />);
    await expectAccessible(container);
  });
});
