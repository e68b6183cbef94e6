'use client';

import { IntlProvider, type AbstractIntlMessages, useLocale, useMessages } from 'next-intl';
import { type ReactNode, useMemo } from 'react';

/** `more` laid over `base`, level by level: a scope adds parts of a namespace its parent sent only in part. */
function merged(base: AbstractIntlMessages, more: AbstractIntlMessages): AbstractIntlMessages {
  const result: AbstractIntlMessages = { ...base };
  for (const [key, value] of Object.entries(more)) {
    const under = result[key];
    result[key] = typeof value === 'object' && typeof under === 'object' ? merged(under, value) : value;
  }
  return result;
}

/**
 * The messages of the enclosing provider plus `messages`, for the client components below: a page sends the
 * browser only the words its own client components use (ClientMessages, docs/performance.md). The locale, time
 * zone and formats are the enclosing provider's.
 */
export function MessagesScope({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const locale = useLocale();
  const base = useMessages();
  const all = useMemo(() => merged(base, messages), [base, messages]);
  return (
    <IntlProvider locale={locale} messages={all}>
      {children}
    </IntlProvider>
  );
}
