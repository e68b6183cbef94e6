import 'server-only';
import { render } from '@react-email/render';
import type { ReactElement } from 'react';

/** Renders a React Email template to the HTML and plain-text parts every email carries. */
export async function renderEmail(template: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(template), render(template, { plainText: true })]);
  return { html, text };
}
