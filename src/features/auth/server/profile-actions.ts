'use server';

import { defineAction } from '@/platform/http/action';
import { ImageRejected, imageRefusal } from '@/platform/images/square-image';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { avatarUploadSchema, noInputSchema, preferencesSchema, profileSchema } from '../schemas';
import { applyPreferenceCookies, savePreferences } from './preferences';
import { removeAvatar, setAvatar, updateProfile } from './profile';
import { signedIn } from './session';

/**
 * The profile settings: name, avatar, language and theme. Each requires a
 * signed-in user (the `signedIn` guard answers 401 otherwise) and acts on that
 * user only.
 */

export const saveProfile = defineAction({
  name: 'settings.saveProfile',
  input: profileSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-profile', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ name }, { user }) => {
    await updateProfile(user.id, { name });
    return { name };
  },
});

/** Takes the FormData of the avatar form: a field `avatar` holding the image file. */
export const uploadAvatar = defineAction({
  name: 'settings.uploadAvatar',
  input: avatarUploadSchema,
  guards: [signedIn],
  // Decoding images costs CPU: a modest limit.
  rateLimit: limitsPerSession('settings-avatar', { perIp: 30, perSession: 15, windowSeconds: 10 * 60 }),
  handler: async ({ avatar }, context) => {
    try {
      const image = await setAvatar(context.user.id, Buffer.from(await avatar.arrayBuffer()));
      return { image };
    } catch (error) {
      if (error instanceof ImageRejected) throw imageRefusal(error, 'avatar');
      throw error;
    }
  },
});

export const clearAvatar = defineAction({
  name: 'settings.clearAvatar',
  input: noInputSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-avatar', { perIp: 30, perSession: 15, windowSeconds: 10 * 60 }),
  handler: async (_input, { user }) => {
    await removeAvatar(user.id);
    return { image: null };
  },
});

/** Saves language and theme on the user and applies them to this browser's cookies. */
export const updatePreferences = defineAction({
  name: 'settings.updatePreferences',
  input: preferencesSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-preferences', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async (preferences, context) => {
    await savePreferences(context.user.id, preferences);
    await applyPreferenceCookies(context, preferences);
    return preferences;
  },
});
