import { appConfig } from '@/platform/config/app-config';

/** Invitation emails allowed in any hour and in any day (sliding windows). */
export interface SendingBudget {
  perHour: number;
  perDay: number;
}

const HOUR = 60 * 60 * 1000;

function isNew(createdAt: Date, now: Date) {
  return now.getTime() - createdAt.getTime() < appConfig.organizations.invitationBudget.newForHours * HOUR;
}

/**
 * What an organization may send, from all its members together. The one place
 * that decides it: a new organization gets `newOrganization`, an older one
 * `organization` (appConfig.organizations.invitationBudget). When billing
 * lands, a free plan's smaller budget is decided here too — billing passes the
 * organization's plan in (organizations do not import billing).
 */
export function organizationInvitationBudget(organization: { createdAt: Date }, now = new Date()): SendingBudget {
  const budget = appConfig.organizations.invitationBudget;
  return isNew(organization.createdAt, now) ? budget.newOrganization : budget.organization;
}

/** What one account may send across every organization it invites people to. */
export function accountInvitationBudget(account: { createdAt: Date }, now = new Date()): SendingBudget {
  const budget = appConfig.organizations.invitationBudget;
  return isNew(account.createdAt, now) ? budget.newAccount : budget.account;
}
