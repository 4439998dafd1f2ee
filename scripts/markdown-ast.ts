/**
 * Markdown → doc-ast at build time, with marked's lexer. Raw HTML in the source becomes text:
 * the help renders data, never markup.
 */
import { lexer, type Token, type Tokens } from 'marked';
import type { Block, Doc, Inline } from '../src/docs/doc-ast';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

function inline(tokens: Token[] | undefined): Inline[] {
  return (tokens ?? []).flatMap((tok): Inline[] => {
    const t = tok as Tokens.Generic;
    switch (tok.type) {
      case 'strong':
      case 'em':
      case 'del':
        return [{ t: tok.type, children: inline(t.tokens) }];
      case 'codespan':
        // Code is shown as written: an entity inside it is the text the author typed.
        return [{ t: 'code', text: t.text as string }];
      case 'link':
        return [{ t: 'link', href: t.href as string, children: inline(t.tokens) }];
      case 'br':
        return [{ t: 'br' }];
      case 'text':
        return t.tokens ? inline(t.tokens) : [{ t: 'text', text: decode(t.text as string) }];
      default:
        // escape, html, image…: their text, as text.
        return [{ t: 'text', text: decode(String(t.text ?? t.raw ?? '')) }];
    }
  });
}

function blocks(tokens: Token[], ids: { n: number }): Block[] {
  return tokens.flatMap((tok): Block[] => {
    switch (tok.type) {
      case 'heading':
        return [{ t: 'heading', depth: tok.depth, id: `section-${++ids.n}`, children: inline(tok.tokens) }];
      case 'paragraph':
        return [{ t: 'paragraph', children: inline(tok.tokens) }];
      case 'text':
        return [{ t: 'paragraph', children: inline(tok.tokens ?? [{ type: 'text', raw: tok.raw, text: tok.text }]) }];
      case 'list':
        return [
          {
            t: 'list',
            ordered: tok.ordered,
            start: typeof tok.start === 'number' ? tok.start : 1,
            items: (tok.items as Tokens.ListItem[]).map((item) => blocks(item.tokens ?? [], ids)),
          },
        ];
      case 'code':
        return [{ t: 'code', lang: tok.lang ?? '', text: tok.text }];
      case 'blockquote':
        return [{ t: 'blockquote', children: blocks(tok.tokens ?? [], ids) }];
      case 'table':
        return [
          {
            t: 'table',
            header: (tok.header as Tokens.TableCell[]).map((c) => inline(c.tokens)),
            rows: (tok.rows as Tokens.TableCell[][]).map((r) => r.map((c) => inline(c.tokens))),
          },
        ];
      case 'hr':
        return [{ t: 'hr' }];
      case 'html':
        return [{ t: 'paragraph', children: [{ t: 'text', text: tok.text }] }];
      default:
        return [];
    }
  });
}

function plain(children: Inline[]): string {
  return children.map((c) => ('text' in c ? c.text : 'children' in c ? plain(c.children) : '')).join('');
}

export function markdownAst(markdown: string): Doc {
  const parsed = blocks(lexer(markdown), { n: 0 });
  const headings = parsed.flatMap((b) => (b.t === 'heading' ? [b] : []));
  const h1 = headings.find((b) => b.depth === 1);
  return {
    title: h1 ? plain(h1.children) : '',
    toc: headings.filter((b) => b.depth === 2).map((b) => ({ id: b.id, text: plain(b.children) })),
    blocks: parsed,
  };
}
