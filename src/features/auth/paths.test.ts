import { describe, expect, it } from 'vitest';
import { authHref, firstValue, landingPath } from './paths';

describe('authHref', () => {
  it('keeps a safe destination and the other values', () => {
    expect(authHref('/auth/sign-up', { next: '/dashboard?x=1' })).toBe('/auth/sign-up?next=%2Fdashboard%3Fx%3D1');
    expect(authHref('/auth/sign-in', { method: 'magic-link', next: '/settings' })).toBe(
      '/auth/sign-in?method=magic-link&next=%2Fsettings',
    );
  });

  it('drops a destination on another site, and empty values', () => {
    expect(authHref('/auth/sign-in', { next: '//evil.com' })).toBe('/auth/sign-in');
    expect(authHref('/auth/sign-in', { next: 'https://evil.com/x', email: '' })).toBe('/auth/sign-in');
    expect(authHref('/auth/sign-in')).toBe('/auth/sign-in');
  });
});

describe('landingPath: where a signed-in user belongs', () => {
  const onboarded = { onboardedAt: new Date('2026-01-01') };
  const newcomer = { onboardedAt: null };

  it('sends a user who has not finished onboarding there first, keeping the destination', () => {
    expect(landingPath(newcomer)).toBe('/onboarding');
    expect(landingPath(newcomer, '/settings/profile')).toBe('/onboarding?next=%2Fsettings%2Fprofile');
  });

  it('sends an onboarded user to a safe destination, else the dashboard', () => {
    expect(landingPath(onboarded, '/dashboard?x=1')).toBe('/dashboard?x=1');
    expect(landingPath(onboarded)).toBe('/dashboard');
    expect(landingPath(onboarded, '//evil.com')).toBe('/dashboard');
    expect(landingPath(onboarded, '/\\evil.com')).toBe('/dashboard');
  });

  it('never lands on onboarding or a signed-out page again (no loops)', () => {
    expect(landingPath(onboarded, '/onboarding')).toBe('/dashboard');
    expect(landingPath(onboarded, '/auth/sign-in?next=/x')).toBe('/dashboard');
    expect(landingPath(newcomer, '/onboarding')).toBe('/onboarding');
    expect(landingPath(onboarded, '/authors')).toBe('/authors');
  });
});

describe('firstValue', () => {
  it('reads one value of a search parameter', () => {
    expect(firstValue(['a', 'b'])).toBe('a');
    expect(firstValue('a')).toBe('a');
    expect(firstValue(undefined)).toBeUndefined();
  });
});
