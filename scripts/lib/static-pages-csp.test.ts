import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './static-pages-csp';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe("a prerendered page's inline scripts", () => {
  it('are hashed exactly as written; external scripts and data blocks are not', () => {
    const flight = 'self.__next_f.push([1,"a\\u003c/b"])';
    const html = [
      '<html><head><script>(function(){document.documentElement.dataset.theme="x"})()</script>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Organization"}</script>',
      `</head><body><script>${flight}</script><script type="module">import "x"</script>`,
      `<script>${flight}</script><SCRIPT type="text/javascript">x()</SCRIPT></body></html>`,
    ].join('');
    expect(inlineScriptHashes(html)).toEqual(
      [
        hash('(function(){document.documentElement.dataset.theme="x"})()'),
        hash(flight),
        hash('import "x"'),
        hash('x()'),
      ].sort(),
    );
  });
});
