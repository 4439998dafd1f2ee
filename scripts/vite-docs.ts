/** `virtual:authoring-guide`: docs/authoring.md, parsed at build time into doc-ast data. */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { markdownAst } from './markdown-ast';
import { dataModule } from './vite-data-module';

export function authoringGuide(file: string): Plugin {
  return dataModule('tuiyan:authoring-guide', 'virtual:authoring-guide', (watch) => {
    watch(file);
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch {
      markdown = '# 编写指南\n\n指南文件 docs/authoring.md 不在这个版本中。';
    }
    return markdownAst(markdown);
  });
}
