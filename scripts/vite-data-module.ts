/**
 * A virtual module whose default export is data computed when the app is built (and again when
 * a watched file changes in the dev server): the browser gets the result, not the code.
 */
import type { Plugin } from 'vite';

/** `produce` names the files it reads through `watch`, so the dev server rebuilds on a change. */
export function dataModule(name: string, id: string, produce: (watch: (file: string) => void) => unknown): Plugin {
  const resolved = `\0${id}`;
  return {
    name,
    resolveId: (source) => (source === id ? resolved : undefined),
    load(source) {
      if (source !== resolved) return undefined;
      const data = produce((file) => this.addWatchFile(file));
      // JSON.parse of a string literal parses faster than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
