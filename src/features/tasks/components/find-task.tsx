'use client';

import { Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { SEARCH_MAX_LENGTH } from '@/platform/data/table-query';
import { useApi } from '@/platform/http/client/use-api';
import type { LoadedPage } from '@/platform/db/data-loader';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
} from '@/ui/command';
import { Popover, PopoverContent, PopoverTrigger } from '@/ui/popover';
import { taskPath, tasksApiPath } from '../paths';
import type { TaskListRow } from '../server';
import { taskQuery } from '../task-query';

/** How long typing must pause before the tasks are asked for. */
const TYPEAHEAD_DELAY_MS = 200;
/** One of the list's page sizes (the API accepts no other). */
const RESULTS = 10;

/** Dates arrive as JSON strings; the finder shows none of them. */
type FoundTask = Pick<TaskListRow, 'id' | 'title' | 'status'>;

/**
 * "Find a task": a search box in a popover that lists the organization's
 * tasks whose title or description matches what is typed (the same search
 * as the list, through GET /api/organizations/<slug>/tasks), or the latest
 * changed ones before anything is typed. Arrow keys move, Enter opens the
 * task. The previous results stay while the next ones load.
 */
export function FindTask({ slug }: { slug: string }) {
  const t = useTranslations('tasks');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), TYPEAHEAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const params = taskQuery.toSearchParams({
    search,
    pageSize: RESULTS,
    // With nothing typed, the latest changes are the likeliest to be looked for.
    sort: search ? taskQuery.defaults.sort : { column: 'updatedAt', direction: 'desc' },
  });
  const { data, error, isLoading, isValidating } = useApi<LoadedPage<FoundTask>>(
    open ? tasksApiPath(slug, params) : null,
    {
      keepPreviousData: true,
      revalidateOnFocus: false,
    },
  );
  const tasks = data?.rows ?? [];
  const waiting = typed.trim() !== search || isValidating;

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped('');
      }}
    >
      <PopoverTrigger asChild>
        <Button variant="outline" className="justify-start text-muted-foreground sm:w-56" data-testid="find-task">
          <Search aria-hidden="true" />
          {t('list.find.open')}
        </Button>
      </PopoverTrigger>
      <PopoverContent aria-label={t('list.find.label')} align="end" className="w-80 p-0">
        <Command label={t('list.find.label')} shouldFilter={false} loop>
          <CommandInput
            value={typed}
            onValueChange={setTyped}
            placeholder={t('list.find.placeholder')}
            maxLength={SEARCH_MAX_LENGTH}
          />
          <CommandList aria-busy={waiting || undefined}>
            {error ? (
              <p role="alert" className="px-3 py-6 text-center text-sm text-muted-foreground">
                {t('list.find.error')}
              </p>
            ) : isLoading && !data ? (
              // Only before the first answer: while a new term loads, the previous results stay (keepPreviousData).
              <CommandLoading label={t('list.find.loading')}>{t('list.find.loading')}</CommandLoading>
            ) : (
              <>
                {waiting ? null : (
                  <CommandEmpty>{search ? t('list.find.empty', { search }) : t('list.find.none')}</CommandEmpty>
                )}
                {tasks.length > 0 ? (
                  <CommandGroup heading={search ? t('list.find.results') : t('list.find.recent')}>
                    {tasks.map((task) => (
                      <CommandItem
                        key={task.id}
                        value={task.id}
                        onSelect={() => {
                          setOpen(false);
                          router.push(taskPath(slug, task.id));
                        }}
                        data-testid="found-task"
                      >
                        <span className="min-w-0 flex-1 truncate">{task.title}</span>
                        <Badge variant="outline" className="ml-auto">
                          {t(`status.${task.status}`)}
                        </Badge>
                      </CommandItem>
                    ))}
                  </CommandGroup>
                ) : null}
              </>
            )}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
