'use client';

import { FileText, Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { Button } from '@/ui/button';
import { CommandDialog, CommandEmpty, CommandInput, CommandItem, CommandList, CommandLoading } from '@/ui/command';
import { loadSearchIndex, type SearchResult } from '../search';

type Search = (query: string) => SearchResult[];
type IndexState = { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; search: Search };

/** Typing in a field keeps its "/" (the shortcut opens search from anywhere else on the page). */
function isTypingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Its texts, from the layout (messages/<locale>/docs.json's `search`), so the public pages' client messages
 * stay as they are; `empty` keeps its `{query}` placeholder.
 */
export type DocsSearchLabels = Record<
  'open' | 'title' | 'label' | 'placeholder' | 'loading' | 'hint' | 'failed' | 'close' | 'empty',
  string
>;

/**
 * The docs search box: a button (and `/` or Ctrl/⌘-K) opens it; the first opening downloads the language's
 * index, built at build time (/docs/search-index), and MiniSearch; every search after that runs in the page.
 */
export function DocsSearch({
  home,
  labels,
}: {
  /** The docs' home in the page's language (/docs, /es/docs): pages and the index live under it. */
  home: string;
  labels: DocsSearchLabels;
}) {
  // Paths are built from `home`, not with the configuration: it would bring its validator into the browser.
  const indexUrl = `${home}/search-index`;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<IndexState>({ status: 'idle' });

  const show = () => {
    setOpen(true);
    if (index.status !== 'idle' && index.status !== 'failed') return;
    setIndex({ status: 'loading' });
    fetch(indexUrl)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`))))
      .then(loadSearchIndex)
      .then((search) => setIndex({ status: 'ready', search }))
      .catch(() => setIndex({ status: 'failed' }));
  };

  const openFromShortcut = useEffectEvent(show);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
      if (shortcut || (event.key === '/' && !isTypingIn(event.target) && !event.metaKey && !event.ctrlKey)) {
        event.preventDefault();
        openFromShortcut();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const results = index.status === 'ready' && query.trim() ? index.search(query.trim()) : [];

  return (
    <>
      <Button variant="outline" size="sm" className="gap-2 text-muted-foreground" onClick={show}>
        <Search aria-hidden="true" />
        <span className="sr-only sm:not-sr-only">{labels.open}</span>
        <kbd aria-hidden="true" className="hidden rounded border px-1.5 text-xs sm:inline">
          /
        </kbd>
      </Button>
      <CommandDialog
        open={open}
        onOpenChange={setOpen}
        title={labels.title}
        closeLabel={labels.close}
        commandProps={{ shouldFilter: false, label: labels.label }}
      >
        <CommandInput
          value={query}
          onValueChange={setQuery}
          placeholder={labels.placeholder}
          aria-label={labels.label}
        />
        <CommandList>
          {index.status === 'loading' ? <CommandLoading>{labels.loading}</CommandLoading> : null}
          {index.status === 'failed' ? (
            <p role="alert" className="px-3 py-6 text-center text-sm">
              {labels.failed}
            </p>
          ) : null}
          {index.status === 'ready' && !query.trim() ? (
            <p className="px-3 py-6 text-center text-sm text-muted-foreground">{labels.hint}</p>
          ) : null}
          {index.status === 'ready' && query.trim() ? (
            <CommandEmpty>{labels.empty.replace('{query}', query)}</CommandEmpty>
          ) : null}
          {results.map((result) => (
            <CommandItem
              key={result.id}
              value={result.id}
              onSelect={() => {
                setOpen(false);
                router.push(result.id ? `${home}/${result.id}` : home);
              }}
            >
              <FileText aria-hidden="true" />
              <span className="flex min-w-0 flex-col">
                <span className="truncate">{result.title}</span>
                {result.section ? (
                  <span className="truncate text-xs text-muted-foreground">{result.section}</span>
                ) : null}
              </span>
            </CommandItem>
          ))}
        </CommandList>
      </CommandDialog>
    </>
  );
}
