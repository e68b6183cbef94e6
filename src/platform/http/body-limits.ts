/**
 * How large a request body may be. Server actions (and plain form posts to a
 * page) share one limit: next.config.ts gives it to Next.js, and our HTTP
 * server (src/platform/server/app-server.ts) answers 413 beyond it before
 * Next.js reads the body. Avatars may be 5 MB (checked again in the action),
 * plus the multipart envelope and the form's other fields.
 */
export const PAGE_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** 6291456 → "6 MB", as the PAYLOAD_TOO_LARGE message shows a limit. */
export function formatBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
