import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../scripts/vite-csp';
import { cspHash, singleFilePolicy, withPolicy } from '../scripts/vite-single-file';

const page = (body: string) => `<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />${body}</head></html>`;

describe("the one-file page's policy", () => {
  it('hashes a text as the browser does: SHA-256 of its UTF-8, base64', () => {
    const text = 'console.log("演练")';
    expect(cspHash(text)).toBe(`'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`);
  });

  it("is the served policy with hashes for script-src and style-src and no 'self' anywhere", () => {
    const policy = singleFilePolicy(["'sha256-a'"], ["'sha256-b'"]);
    expect(policy).toBe(
      "default-src 'none'; script-src 'sha256-a'; style-src 'sha256-b'; img-src data: blob:; font-src 'none'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'",
    );
    expect(policy.split(';').map((d) => d.trim().split(' ')[0])).toEqual(
      CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(' ')[0]),
    );
  });

  it("puts the policy first in <head>, with every inline script's and style's hash", () => {
    const html = withPolicy(page('<script type="module">a()</script><script>b()</script><style>p{}</style>'));
    expect(html).toMatch(/^<!doctype html>\n<html>\n {2}<head>\n {4}<meta http-equiv="Content-Security-Policy"/);
    expect(html).toContain(`script-src ${cspHash('a()')} ${cspHash('b()')}; style-src ${cspHash('p{}')};`);
  });

  it('refuses a page with anything not inlined, a policy already, a carriage return, or no script', () => {
    expect(() => withPolicy(page('<script type="module" src="./a.js"></script>'))).toThrow('not inlined');
    expect(() => withPolicy(page('<script>a()</script><link rel="stylesheet" href="a.css">'))).toThrow('not inlined');
    expect(() =>
      withPolicy(page('<meta http-equiv="Content-Security-Policy" content="x"><script>a()</script>')),
    ).toThrow('already');
    expect(() => withPolicy(page('<script>a()\r\n</script>'))).toThrow('carriage return');
    expect(() => withPolicy(page('<style>p{}</style>'))).toThrow('no inline script');
  });
});
