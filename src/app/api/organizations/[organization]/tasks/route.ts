import { z } from 'zod';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { organizationMember } from '@/features/organizations/server';
import { taskQuery } from '@/features/tasks';
import { listTasks } from '@/features/tasks/server';
import { defineRoute } from '@/platform/http/route';

/**
 * GET /api/organizations/<slug>/tasks?status=todo&sort=dueDate&q=…&page=2 (or &cursor=…)
 *
 * One page of the organization's tasks as JSON, for the browser (SWR: the
 * typeahead, "my open tasks"). The same query as the tasks page; a bad
 * parameter is a 400 naming it. 401 signed out, 404 for anyone not a member.
 */
export const GET = defineRoute({
  params: z.object({ organization: z.string().min(1).max(100) }),
  query: taskQuery.schema,
  guards: [organizationMember()],
  // A read: counted in memory, without a database write per request (decision 0044).
  rateLimit: limitsPerSession('tasks-read', { perIp: 1200, perSession: 300, windowSeconds: 60, store: 'memory' }),
  handler: async ({ query }, { user, organization }) =>
    listTasks({ userId: user.id, organizationId: organization.id }, query),
});
