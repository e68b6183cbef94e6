import 'server-only';

/**
 * The audit log's server face (docs/audit/audit-log.md): recording an event in the transaction of its change,
 * reading the organization's and the user's own, and the retention job.
 */
export { recordAuditEvent, type AuditDetails, type AuditEvent } from './record';
export {
  listAllAuditEvents,
  listOrganizationAuditEvents,
  listOwnSecurityEvents,
  organizationAuditActors,
  type AuditActorOption,
  type AuditEventRow,
} from './read';
export { auditJobs, pruneAuditEvents } from './retention';
