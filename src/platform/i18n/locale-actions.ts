'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALES } from '@/platform/config/app-config-schema';
import { getServerConfig } from '@/platform/config/server-config';
import { defineAction } from '@/platform/http/action';
import { LOCALE_COOKIE } from './locale';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * The language switcher's action: remembers the choice in the language cookie
 * (read first after a signed-in user's saved preference). Works as a plain
 * form post too.
 */
export const changeLocale = defineAction({
  name: 'i18n.changeLocale',
  input: z.object({ locale: z.enum(LOCALES) }),
  handler: async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'lax',
      secure: getServerConfig().isProduction,
    });
    return { locale };
  },
});
