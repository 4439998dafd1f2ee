// The part of jsdom's API the tests call directly (the package ships no types; vitest's environment uses it whole).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { runScripts?: 'dangerously' | 'outside-only'; pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
