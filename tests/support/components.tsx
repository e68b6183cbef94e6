import { render, type RenderOptions } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type AbstractIntlMessages, type IntlError, NextIntlClientProvider } from 'next-intl';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import {
  PathnameContext,
  PathParamsContext,
  SearchParamsContext,
} from 'next/dist/shared/lib/hooks-client-context.shared-runtime';
import { useMemo, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { Locale } from '@/platform/config/app-config-schema';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { messagesFor } from '@/platform/i18n/messages';

/**
 * Component tests (decision 0026): render a client component the way the app
 * does — the real messages in the user's language, a CSRF token, and a router —
 * then click and type with user-event, and read the DOM as a user would
 * (roles, labels, text).
 */

/**
 * An App Router stand-in that keeps its history in memory: `push` and
 * `replace` change the URL the components read (usePathname,
 * useSearchParams), and `refresh` is counted. Next mounts the real one only
 * inside its own app; this is the smallest thing that lets its hooks work.
 */
export class MemoryRouter implements AppRouterInstance {
  readonly history: string[];
  refreshes = 0;
  /** Keys state to a history entry in Next; one page here. */
  readonly bfcacheId = 'b_test_';
  private readonly listeners = new Set<() => void>();

  /**
   * `route` is the page's pattern, e.g. "/dashboard/[organization]": the
   * dynamic segments of the current URL become useParams().
   */
  constructor(
    url = '/',
    private readonly route?: string,
  ) {
    this.history = [url];
  }

  paramsOf(pathname: string): Record<string, string> {
    const pattern = this.route?.split('/') ?? [];
    const segments = pathname.split('/');
    return Object.fromEntries(
      pattern.flatMap((part, index) => {
        const name = /^\[(\w+)\]$/.exec(part)?.[1];
        return name && segments[index] ? [[name, segments[index]]] : [];
      }),
    );
  }

  /** The current address, e.g. "/tasks?sort=title". */
  get url() {
    return this.history.at(-1)!;
  }

  get searchParams() {
    return new URL(this.url, 'http://test.local').searchParams;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private go(href: string, replace: boolean) {
    if (replace) this.history[this.history.length - 1] = href;
    else this.history.push(href);
    for (const listener of this.listeners) listener();
  }

  push = (href: string) => this.go(href, false);
  replace = (href: string) => this.go(href, true);
  refresh = () => {
    this.refreshes += 1;
  };
  back = () => {
    if (this.history.length > 1) this.history.pop();
    for (const listener of this.listeners) listener();
  };
  forward = () => undefined;
  prefetch = () => undefined;
}

function RouterProvider({ router, children }: { router: MemoryRouter; children: ReactNode }) {
  const url = useSyncExternalStore(router.subscribe, () => router.url);
  const { pathname, searchParams, params } = useMemo(() => {
    const parsed = new URL(url, 'http://test.local');
    return { pathname: parsed.pathname, searchParams: parsed.searchParams, params: router.paramsOf(parsed.pathname) };
  }, [router, url]);
  return (
    <AppRouterContext.Provider value={router}>
      <PathnameContext.Provider value={pathname}>
        <PathParamsContext.Provider value={params}>
          <SearchParamsContext.Provider value={searchParams}>{children}</SearchParamsContext.Provider>
        </PathParamsContext.Provider>
      </PathnameContext.Provider>
    </AppRouterContext.Provider>
  );
}

/**
 * What the root layout provides: messages (the whole catalogue, or `messages` to render with only those, as a
 * page that sends only its own does), CSRF token, router. `onIntlError` hears of a missing message.
 */
export function AppProviders({
  locale = 'en',
  router,
  messages,
  onIntlError,
  children,
}: {
  locale?: Locale;
  router: MemoryRouter;
  messages?: AbstractIntlMessages;
  onIntlError?: (error: IntlError) => void;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages ?? messagesFor(locale)}
      timeZone="UTC"
      {...(onIntlError ? { onError: onIntlError } : {})}
    >
      <CsrfTokenProvider token="test-csrf-token">
        <RouterProvider router={router}>{children}</RouterProvider>
      </CsrfTokenProvider>
    </NextIntlClientProvider>
  );
}

/**
 * Renders `ui` inside the app's providers, in `locale` at `url` (of the page
 * pattern `route`, for useParams). Returns
 * Testing Library's queries, a user-event `user` to click and type with, and
 * the `router` to read the URL from.
 */
export function renderInApp(
  ui: ReactElement,
  {
    locale = 'en',
    url = '/',
    route,
    messages,
    onIntlError,
    ...options
  }: { locale?: Locale; url?: string; route?: string } & Pick<
    Parameters<typeof AppProviders>[0],
    'messages' | 'onIntlError'
  > &
    Omit<RenderOptions, 'wrapper'> = {},
) {
  const router = new MemoryRouter(url, route);
  const user = userEvent.setup();
  const result = render(ui, {
    ...options,
    wrapper: ({ children }) => (
      <AppProviders locale={locale} router={router} messages={messages} onIntlError={onIntlError}>
        {children}
      </AppProviders>
    ),
  });
  return { ...result, user, router };
}
