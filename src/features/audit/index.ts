/**
 * The audit log's public face for any code (server or browser): the actions it records and its lists' query.
 * Server code: '@/features/audit/server'. Components: '@/features/audit/components/*'.
 */
export {
  ADMIN_AUDIT_ACTIONS,
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  ORGANIZATION_AUDIT_ACTIONS,
  SECURITY_AUDIT_ACTIONS,
  isAuditAction,
  type AuditAction,
  type AuditTargetType,
} from './events';
export { auditQuery, type AuditQuery } from './audit-query';
export { organizationAuditPath, securityActivityPath } from './paths';
