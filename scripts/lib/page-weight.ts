import { gzipSync } from 'node:zlib';

/**
 * The scripts a page loads, as the budgets count them (issue 16 and 17): every `<script src>` of its HTML,
 * each fetched and gzipped on its own, summed. The same method for Keel and for the bare Next.js app.
 */
export async function scriptWeight(html: string, get: (path: string) => Promise<Buffer>) {
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!))];
  let gzip = 0;
  for (const source of sources) gzip += gzipSync(await get(source.replace(/&amp;/g, '&'))).length;
  return { scripts: sources.length, scriptsKb: gzip / 1024 };
}
