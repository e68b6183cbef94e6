/** A JSON-LD node (schema.org): an object with `@type`, or a list of them. */
export type JsonLdData = { '@context'?: string; '@type': string; [key: string]: unknown } | JsonLdData[];

/**
 * The text of a JSON-LD script. `<` is written as `\u003c` (still valid JSON, same value) so that no
 * string in the data (a FAQ answer, a post title) can close the script element or open a comment.
 */
export function serializeJsonLd(data: JsonLdData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * Structured data for search engines. A data block (`application/ld+json`) is never executed, so
 * the Content-Security-Policy's script rules do not apply to it and it needs no nonce or hash.
 */
export function JsonLd({ data }: { data: JsonLdData }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
