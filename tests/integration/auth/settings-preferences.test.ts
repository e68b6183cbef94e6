import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { updatePreferences } from '@/features/auth/server/profile-actions';
import { db } from '@/platform/db/client';
import { createPasswordUser, signInAs } from '../../support/users';
import { Visitor } from '../../support/visitor';

describe('preferences', () => {
  it('are saved on the user, applied to this browser, and follow the user to another browser at sign-in', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);

    expect(await visitor.run(updatePreferences, { locale: 'es', theme: 'dark' })).toEqual({
      ok: true,
      data: { locale: 'es', theme: 'dark' },
    });
    const [row] = await db
      .select({ locale: users.locale, theme: users.theme })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row).toEqual({ locale: 'es', theme: 'dark' });
    expect(visitor.cookies.get('NEXT_LOCALE')).toBe('es');
    expect(visitor.cookies.get('keel-theme')).toBe('dark');

    // A browser that never saw these choices, in English and light theme, gets them at sign-in.
    const elsewhere = new Visitor({ locale: 'en' });
    elsewhere.cookies.set('keel-theme', 'light');
    await signInAs(user, { visitor: elsewhere });
    expect(elsewhere.cookies.get('NEXT_LOCALE')).toBe('es');
    expect(elsewhere.cookies.get('keel-theme')).toBe('dark');
  });

  it('refuses values that are not a language or theme of the app', async () => {
    const visitor = await signInAs(await createPasswordUser());
    expect(await visitor.run(updatePreferences, { locale: 'xx', theme: 'neon' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { locale: [expect.any(String)], theme: [expect.any(String)] } },
    });
  });
});
