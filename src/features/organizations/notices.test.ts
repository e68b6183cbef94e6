import { describe, expect, it } from 'vitest';
import { organizationNotice, withNotice } from './notices';

describe('notices carried by a redirect', () => {
  it('accept only the known ones', () => {
    expect(organizationNotice('organization-deleted')).toBe('organization-deleted');
    expect(organizationNotice('invitations-sent')).toBe('invitations-sent');
    expect(organizationNotice('<script>')).toBeNull();
    expect(organizationNotice('toString')).toBeNull();
    expect(organizationNotice(undefined)).toBeNull();
  });

  it('add the notice to a path, or leave it alone without one', () => {
    expect(withNotice('/dashboard/acme', 'organization-deleted')).toBe('/dashboard/acme?notice=organization-deleted');
    expect(withNotice('/onboarding/organization?x=1', 'invitations-sent')).toBe(
      '/onboarding/organization?x=1&notice=invitations-sent',
    );
    expect(withNotice('/dashboard/acme', null)).toBe('/dashboard/acme');
  });
});
