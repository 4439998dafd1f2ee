/** `virtual:authoring-guide`: docs/authoring.md, parsed at build time into doc-ast data. */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { markdownAst } from './markdown-ast';

const ID = 'virtual:authoring-guide';
const RESOLVED = `\0${ID}`;

export function authoringGuide(file: string): Plugin {
  return {
    name: 'tuiyan:authoring-guide',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(file);
      let markdown: string;
      try {
        markdown = readFileSync(file, 'utf8');
      } catch {
        markdown = '# 编写指南\n\n指南文件 docs/authoring.md 不在这个版本中。';
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(markdownAst(markdown)))});`;
    },
  };
}
