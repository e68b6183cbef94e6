import { describe, expect, it } from 'vitest';
import { appConfig, invitationBudgetSchema } from '@/platform/config/app-config';
import { accountInvitationBudget, organizationInvitationBudget } from './invitation-budget';

const HOUR = 60 * 60 * 1000;
const budget = appConfig.organizations.invitationBudget;
const now = new Date('2026-12-06T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe('invitation budgets', () => {
  it('are smaller while an organization or an account is new', () => {
    expect(organizationInvitationBudget({ createdAt: hoursAgo(1) }, now)).toEqual(budget.newOrganization);
    expect(organizationInvitationBudget({ createdAt: hoursAgo(budget.newForHours - 0.01) }, now)).toEqual(
      budget.newOrganization,
    );
    expect(organizationInvitationBudget({ createdAt: hoursAgo(budget.newForHours) }, now)).toEqual(budget.organization);
    expect(accountInvitationBudget({ createdAt: hoursAgo(1) }, now)).toEqual(budget.newAccount);
    expect(accountInvitationBudget({ createdAt: hoursAgo(24 * 30) }, now)).toEqual(budget.account);
  });

  it('have defaults that a new account and organization cannot flood with', () => {
    expect(budget.newOrganization.perHour).toBeLessThan(budget.organization.perHour);
    expect(budget.newAccount).toEqual({ perHour: 20, perDay: 50 });
  });

  it('are validated: a new one larger than an established one, or an hour larger than a day, is refused', () => {
    expect(invitationBudgetSchema.safeParse(budget).success).toBe(true);
    const bigger = { ...budget, newOrganization: { perHour: 500, perDay: 500 } };
    expect(invitationBudgetSchema.safeParse(bigger).success).toBe(false);
    expect(invitationBudgetSchema.safeParse({ ...budget, account: { perHour: 300, perDay: 200 } }).success).toBe(false);
    expect(invitationBudgetSchema.safeParse({ ...budget, perAddressPerDay: 0 }).success).toBe(false);
    expect(invitationBudgetSchema.safeParse({ ...budget, newForHours: 1.5 }).success).toBe(false);
  });
});
