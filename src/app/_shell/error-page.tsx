'use client';

import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { reportClientError } from '@/platform/http/client/report-client-error';
import { buttonVariants } from '@/ui/button-variants';

/** The error page's words, in the page's language (error-page-labels.ts reads them from the catalogue). */
export interface ErrorPageLabels {
  title: string;
  description: string;
  /** With `{digest}` where the error's reference goes. */
  reference: string;
  retry: string;
}

// Both root layouts provide the words; these stand in only if a layout ever forgets to.
const ErrorPageLabelsContext = createContext<ErrorPageLabels>({
  title: 'Something went wrong',
  description: 'An unexpected error happened. It has been logged; please try again.',
  reference: 'Reference: {digest}',
  retry: 'Try again',
});

/**
 * Gives the error page its words. A root layout renders it around the page, so an error boundary below finds
 * them without next-intl's client runtime, which the prerendered public pages do not load.
 */
export function ErrorPageLabelsProvider({ labels, children }: { labels: ErrorPageLabels; children: ReactNode }) {
  return <ErrorPageLabelsContext value={labels}>{children}</ErrorPageLabelsContext>;
}

/**
 * Shown when rendering a page fails (the error.tsx of both page trees). The
 * error is reported to the server log with its digest. Every page carries it
 * in its scripts: a plain button with the button classes, not Button (whose
 * `cn` brings tailwind-merge), and its words from its layout, not next-intl.
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const labels = useContext(ErrorPageLabelsContext);
  useEffect(() => {
    reportClientError(error);
  }, [error]);
  return (
    <main
      id="main"
      role="alert"
      className="flex min-h-[60vh] flex-col items-center justify-center gap-4 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{labels.title}</h1>
      <p className="max-w-md text-muted-foreground">{labels.description}</p>
      {error.digest ? (
        <p className="text-sm text-muted-foreground">{labels.reference.replace('{digest}', error.digest)}</p>
      ) : null}
      <button type="button" className={buttonVariants()} onClick={reset}>
        {labels.retry}
      </button>
    </main>
  );
}
