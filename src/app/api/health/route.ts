import { checkHealth } from '@/platform/health';
import { defineRoute } from '@/platform/http/route';

/**
 * Liveness and readiness for load balancers and uptime checks: 200 when healthy, 503 when the database is not or the
 * server is draining.
 */
export const GET = defineRoute({
  handler: async () => {
    const report = await checkHealth();
    return Response.json(report, { status: report.status === 'ok' ? 200 : 503 });
  },
});
