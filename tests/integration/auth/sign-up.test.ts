import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { signIn, signUp } from '@/features/auth/server/actions';
import { users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { Visitor, lastEmailTo, uniqueEmail } from '../../support/visitor';

const password = 'correct horse battery staple';

describe('sign up with email and password', () => {
  it('creates an unverified account, emails a link, and signs in once verified', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail();
    const outcome = await visitor.run(signUp, { email, password, next: '/settings' });
    expect(outcome).toEqual({ redirect: `/auth/verify-email?email=${encodeURIComponent(email)}&next=%2Fsettings` });

    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBe(false);
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();

    // Signing in before verifying goes to the verification page, without a session.
    expect(await visitor.run(signIn, { email, password })).toEqual({ redirect: `/auth/verify-email?email=${encodeURIComponent(email)}` });

    const message = await lastEmailTo(email);
    expect(message?.subject).toContain('Confirm your email address');
    expect(message?.link).toMatch(/\/api\/auth\/verify-email\?token=/);

    const response = await visitor.follow(message!.link!, authLinks);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/auth/verified');
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user.email).toBe(email);
    expect(session?.user.emailVerified).toBe(true);
  });
});
