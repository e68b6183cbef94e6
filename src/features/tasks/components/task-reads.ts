'use client';

import { mutate } from 'swr';
import { tasksApiPath } from '../paths';

/**
 * Forgets what the browser read from GET /api/organizations/<slug>/tasks
 * (SWR's cache: "My open tasks" on the home page). Call it after changing
 * tasks in the browser: the next page that reads them starts from the
 * server-rendered data it is given (SWR's fallbackData), not from a cache
 * that predates the change. Nothing is fetched now.
 */
export function forgetTaskReads(slug: string): void {
  const prefix = tasksApiPath(slug);
  void mutate((key) => typeof key === 'string' && (key === prefix || key.startsWith(`${prefix}?`)), undefined, {
    revalidate: false,
  });
}
