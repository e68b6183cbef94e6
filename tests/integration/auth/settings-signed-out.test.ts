import { describe, expect, it } from 'vitest';
import * as accountDeletionActions from '@/features/auth/server/account-deletion-actions';
import * as emailChangeActions from '@/features/auth/server/email-change-actions';
import * as passwordActions from '@/features/auth/server/password-actions';
import * as profileActions from '@/features/auth/server/profile-actions';
import * as sessionActions from '@/features/auth/server/session-actions';
import * as twoFactorActions from '@/features/auth/server/two-factor-actions';
import { Visitor } from '../../support/visitor';

/** Every action of the settings pages, file by file: a new export in any of them must be listed below. */
const settingsActions = {
  ...profileActions,
  ...emailChangeActions,
  ...passwordActions,
  ...twoFactorActions,
  ...sessionActions,
  ...accountDeletionActions,
};

/** The smallest valid input of each action, so each reaches its guard. */
const validInput: Record<keyof typeof settingsActions, () => Record<string, unknown> | FormData> = {
  saveProfile: () => ({ name: 'Ada' }),
  uploadAvatar: () => {
    const form = new FormData();
    form.set('avatar', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'a.png'));
    return form;
  },
  clearAvatar: () => ({}),
  requestEmailChange: () => ({ email: 'new@example.com', password: 'whatever' }),
  changePassword: () => ({ currentPassword: 'old password', newPassword: 'a new long passphrase' }),
  sendPasswordSetupLink: () => ({}),
  startTwoFactorSetup: () => ({ password: 'whatever' }),
  confirmTwoFactorSetup: () => ({ code: '123456' }),
  disableTwoFactor: () => ({ password: 'whatever' }),
  regenerateRecoveryCodes: () => ({ password: 'whatever' }),
  signOutSession: () => ({ sessionId: 'some-session' }),
  signOutOtherSessions: () => ({}),
  updatePreferences: () => ({ locale: 'en', theme: 'light' }),
  deleteAccount: () => ({ password: 'whatever', confirmation: 'me@example.com' }),
};

describe('settings actions when signed out', () => {
  it('covers every exported action', () => {
    expect(Object.keys(validInput).sort()).toEqual(Object.keys(settingsActions).sort());
  });

  it.each(Object.keys(validInput) as (keyof typeof settingsActions)[])('%s answers 401', async (name) => {
    const outcome = await new Visitor().run(settingsActions[name], validInput[name]());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', status: 401 } });
  });
});
