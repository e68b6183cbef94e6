import { describe, expect, it } from 'vitest';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { listSessions } from '@/features/auth/server/sessions';
import { saveProfile } from '@/features/auth/server/profile-actions';
import { signOutOtherSessions, signOutSession } from '@/features/auth/server/session-actions';
import { createPasswordUser, signInAs } from '../../support/users';

async function sessionIdOf(visitor: { headers(): Headers }) {
  return (await getSessionFromHeaders(visitor.headers()))!.session.id;
}

describe('sessions', () => {
  it('lists the user’s sessions with a readable device, this one marked and first', async () => {
    const user = await createPasswordUser();
    const laptop = await signInAs(user);
    await signInAs(user);
    const current = await sessionIdOf(laptop);

    const sessions = await listSessions(user.id, current);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({
      id: current,
      current: true,
      device: { browser: 'Chrome 140', os: 'Linux', kind: 'desktop' },
    });
    expect(sessions[0]!.ipAddress).toBe(laptop.ip);
    expect(sessions[1]!.current).toBe(false);
  });

  it('revokes one session by id: that device is signed out on its next request', async () => {
    const user = await createPasswordUser();
    const laptop = await signInAs(user);
    const phone = await signInAs(user);
    const phoneSession = await sessionIdOf(phone);

    expect(await laptop.run(signOutSession, { sessionId: phoneSession })).toEqual({
      ok: true,
      data: { sessionId: phoneSession },
    });

    expect(await getSessionFromHeaders(phone.headers())).toBeNull();
    expect(await phone.run(saveProfile, { name: 'Still here?' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', status: 401 },
    });
    expect(await getSessionFromHeaders(laptop.headers())).not.toBeNull();
  });

  it('cannot touch another user’s session, nor end the current one this way', async () => {
    const alice = await signInAs(await createPasswordUser());
    const bob = await signInAs(await createPasswordUser());
    const bobSession = await sessionIdOf(bob);

    expect(await alice.run(signOutSession, { sessionId: bobSession })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
    expect(await getSessionFromHeaders(bob.headers())).not.toBeNull();

    expect(await alice.run(signOutSession, { sessionId: await sessionIdOf(alice) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await getSessionFromHeaders(alice.headers())).not.toBeNull();
  });

  it('signs out every other session at once, and only the user’s', async () => {
    const user = await createPasswordUser();
    const laptop = await signInAs(user);
    const phone = await signInAs(user);
    const tablet = await signInAs(user);
    const stranger = await signInAs(await createPasswordUser());

    expect(await laptop.run(signOutOtherSessions, {})).toEqual({ ok: true, data: { count: 2 } });
    expect(await getSessionFromHeaders(phone.headers())).toBeNull();
    expect(await getSessionFromHeaders(tablet.headers())).toBeNull();
    expect(await getSessionFromHeaders(laptop.headers())).not.toBeNull();
    expect(await getSessionFromHeaders(stranger.headers())).not.toBeNull();
    expect(await listSessions(user.id)).toHaveLength(1);
  });
});
