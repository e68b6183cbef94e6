import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { FieldErrors } from '@/platform/http/errors';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Button } from '@/ui/button';
import { tasksPath } from '../paths';

/**
 * What the tasks page shows for an address it cannot honour (a mistyped
 * status, a reversed date range, an edited link): each parameter at fault
 * with the reason, in the visitor's language, and a way back to the whole
 * list — a calm answer rather than an error page.
 */
export async function InvalidTasksQuery({ slug, fieldErrors }: { slug: string; fieldErrors: FieldErrors }) {
  const t = await getTranslations('tasks.list.invalid');
  // "status.1" is the second value of status=todo,bogus: the visitor wrote "status".
  const byParameter = new Map<string, Set<string>>();
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const name = path.replace(/(\.\d+)+$/, '');
    const known = byParameter.get(name) ?? new Set<string>();
    for (const message of messages) known.add(message);
    byParameter.set(name, known);
  }
  return (
    <Alert variant="warning" data-testid="invalid-tasks-query">
      <AlertTitle>{t('title')}</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>{t('description')}</p>
        <ul className="grid gap-1">
          {[...byParameter].map(([name, messages]) => (
            <li key={name}>
              <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs [overflow-wrap:anywhere] text-foreground">
                {name}
              </code>{' '}
              {[...messages].join(' ')}
            </li>
          ))}
        </ul>
        <Button asChild variant="outline" size="sm" className="justify-self-start">
          <Link href={tasksPath(slug)}>{t('showAll')}</Link>
        </Button>
      </AlertDescription>
    </Alert>
  );
}
