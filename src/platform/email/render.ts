import 'server-only';
import type { ReactElement } from 'react';

/** Renders a React Email template to the HTML and plain-text parts every email carries. */
export async function renderEmail(template: ReactElement): Promise<{ html: string; text: string }> {
  // Loaded when a message is sent: the renderer (and prettier, which it brings) stays out of the first
  // compile of every page that can send an email.
  const { render } = await import('@react-email/render');
  const [html, text] = await Promise.all([render(template), render(template, { plainText: true })]);
  return { html, text };
}
