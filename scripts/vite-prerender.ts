/**
 * Draws the app's first screen into index.html at build time (src/shell/prerender.tsx), so the
 * library's cards are painted from the HTML itself, before the scripts have been fetched and run;
 * the app then hydrates that DOM. The module is run by Vite's module runner with the plugins it
 * needs (the drills' index, the app's version), the way Vite loads this config itself.
 */
import { fileURLToPath } from 'node:url';
import { type Plugin, type PluginOption, runnerImport } from 'vite';

const ROOT_ELEMENT = '<div id="root"></div>';
const ENTRY = fileURLToPath(new URL('../src/shell/prerender.tsx', import.meta.url));

export function prerender(options: { plugins: PluginOption[]; define: Record<string, string> }): Plugin {
  return {
    name: 'tuiyan:prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => {
        if (!html.includes(ROOT_ELEMENT))
          throw new Error(`index.html has no empty ${ROOT_ELEMENT} to draw the app into`);
        const { module } = await runnerImport<typeof import('../src/shell/prerender')>(ENTRY, {
          root: fileURLToPath(new URL('..', import.meta.url)),
          logLevel: 'silent',
          plugins: options.plugins,
          define: options.define,
        });
        return html.replace(ROOT_ELEMENT, `<div id="root">${module.prerenderedApp()}</div>`);
      },
    },
  };
}
