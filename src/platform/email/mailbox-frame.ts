/*
 * How the dev mailbox shows an email's HTML: in a frame sandboxed against
 * scripts, forms and the page around it, whose links still open. A link
 * clicked by the user navigates the whole tab (the confirmation and
 * invitation links are meant to be followed); nothing in the email can
 * navigate on its own. Email templates mark links target="_blank" (React
 * Email's default), which a sandbox without popups would silently refuse:
 * every link is sent to the top instead.
 */

/** The frame's sandbox: no scripts, no same origin; top-level navigation only on a click. */
export const MAILBOX_FRAME_SANDBOX = 'allow-top-navigation-by-user-activation';

/** The email's HTML as the frame's document: every link opens in the tab, not in the frame or a popup. */
export function mailboxFrameDocument(html: string): string {
  const links = html.replace(/(<a\b[^>]*?)\s+target\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
  const base = '<base target="_top">';
  return /<head\b[^>]*>/i.test(links) ? links.replace(/<head\b[^>]*>/i, (head) => head + base) : base + links;
}
