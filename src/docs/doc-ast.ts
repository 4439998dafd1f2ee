/**
 * A Markdown document as plain data, for the in-app help: parsed when the app is built
 * (scripts/markdown-ast.ts), rendered as React elements. The browser gets neither a Markdown
 * parser nor any HTML to inject.
 */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong' | 'em' | 'del'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'heading'; depth: number; id: string; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'code'; lang: string; text: string }
  | { t: 'blockquote'; children: Block[] }
  | { t: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { t: 'hr' };

export interface Doc {
  title: string;
  /** The "## …" sections, for a table of contents. */
  toc: { id: string; text: string }[];
  blocks: Block[];
}
