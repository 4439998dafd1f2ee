/**
 * The built page's Content-Security-Policy, as a <meta> (the app is static files; there may be
 * no server to send a header). Scripts only from the app's own files: no inline script and no
 * eval, so nothing in a drill file — or a dependency — can run code. Only for the build: the
 * dev server injects inline scripts of its own.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The favicon is a data: URI; exports are blob: downloads.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'tuiyan:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
