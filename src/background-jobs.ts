import 'server-only';
import { auditJobs } from '@/features/audit/server';
import { billingJobs } from '@/features/billing/server';
import type { AnyJob } from '@/platform/jobs/jobs';

/**
 * Every job the app defines, for the runners (the app's own and `npm run worker`). A feature's jobs
 * come from its server face; add them here (docs/billing/job-queue.md).
 */
export const backgroundJobs: readonly AnyJob[] = [...billingJobs, ...auditJobs];
