'use client';

import type { ReactNode } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';

/**
 * "Check your inbox" after a form sent an email. `again` is a link back to the
 * form's page: with JavaScript it shows the empty form in place.
 */
export function SentNotice({
  title,
  children,
  again,
}: {
  title: string;
  children: ReactNode;
  again?: { href: string; label: string; onClick: () => void };
}) {
  return (
    <Alert variant="success" data-testid="sent-notice">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{children}</p>
        {again ? (
          <a
            href={again.href}
            className="mt-2 inline-block font-medium text-link underline-offset-4 hover:underline"
            onClick={(event) => {
              event.preventDefault();
              again.onClick();
            }}
          >
            {again.label}
          </a>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
