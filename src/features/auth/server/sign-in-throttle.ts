import 'server-only';
import { eq } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { enforceRateLimits } from '@/platform/http/pipeline';
import type { RequestContext } from '@/platform/http/request-context';
import { isLocale } from '@/platform/i18n/locale';
import { consumeRateLimit } from '@/platform/rate-limit/rate-limit';
import { MAGIC_LINK_MINUTES, getAuth } from './auth';
import { authHeaders } from './auth-headers';
import { deviceAccountOf, knownDeviceCookieName, knownDeviceFor } from './known-device';
import { sendAccountEmail } from './emails';
import { normaliseEmail, withMinimumDuration } from './policy';
import { users } from './schema';

/**
 * Password sign-in without a lockout anyone can trigger (decision 0019).
 *
 * - A browser with a valid known-device cookie for the account (known-device.ts)
 *   has a limit of its own: 10 attempts in 15 minutes.
 * - Any other attempt counts for the address (10 in 15 minutes, from any number
 *   of client addresses), and answers more slowly after the first five.
 * - Past that limit the answer is a calm "too many attempts", and the owner of
 *   a verified address is emailed a one-time sign-in link (at most one per 15
 *   minutes, the link's lifetime, and three a day), so a stranger's wrong
 *   passwords never keep the owner out.
 *
 * An address without an account is answered the same way, after the same
 * delays: the email is sent in the background, never inside the answer.
 * The per-client-address limit of the sign-in action still applies to all.
 */

const WINDOW_SECONDS = 15 * 60;
const ATTEMPTS_PER_ADDRESS = 10;
const ATTEMPTS_PER_KNOWN_DEVICE = 10;
/** Attempts on an address answered at normal speed (typos); then 1 s, 2 s, 4 s… capped. */
const UNSLOWED_ATTEMPTS = 5;
const MAX_SLOWDOWN_MS = 4000;
/** How long the refusal past the limit takes, whether or not a link was sent. */
const REFUSAL_MS = 600;
/** Help emails an account gets a day at most, however long the attempts go on. */
export const HELP_EMAILS_PER_DAY = 3;

/** The pause before checking the `attempt`-th password in the window for an address. */
export function slowdownMs(attempt: number) {
  return attempt <= UNSLOWED_ATTEMPTS ? 0 : Math.min(MAX_SLOWDOWN_MS, 1000 * 2 ** (attempt - UNSLOWED_ATTEMPTS - 1));
}

/** Counts a password sign-in attempt for `email`; throws RATE_LIMITED when it must not be checked. */
export async function throttlePasswordSignIn(context: RequestContext, email: string) {
  const owner = await accountOf(email);
  const device = owner
    ? knownDeviceFor(context.cookies.get(knownDeviceCookieName()), await deviceAccountOf(owner.id))
    : null;
  if (device) {
    await enforceRateLimits(
      {
        name: 'sign-in-device',
        limit: ATTEMPTS_PER_KNOWN_DEVICE,
        windowSeconds: WINDOW_SECONDS,
        by: () => `device:${device}`,
      },
      context,
      null,
    );
    return;
  }

  const outcome = await consumeRateLimit(
    { name: 'sign-in-email', limit: ATTEMPTS_PER_ADDRESS, windowSeconds: WINDOW_SECONDS },
    `email:${normaliseEmail(email)}`,
  );
  if (!outcome.allowed) {
    await withMinimumDuration(REFUSAL_MS, async () => {
      // Not awaited: an SMTP server can take seconds, and a slower answer would say the account exists.
      // It finishes in the background (moves to the job queue when Keel has one; decision 0019).
      if (owner?.emailVerified)
        void offerHelp(context, owner).catch((error: unknown) =>
          context.logger.warn({ err: error, userId: owner.id }, 'sign-in help email not sent'),
        );
    });
    throw new AppError('RATE_LIMITED', {
      messageKey: 'auth.tooManySignInAttempts',
      values: { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
  const pause = slowdownMs(ATTEMPTS_PER_ADDRESS - outcome.remaining);
  if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
}

async function accountOf(email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, locale: users.locale, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

/**
 * Emails the owner that someone tried their address: a one-time sign-in link
 * (better-auth's magic link, so a second factor is still asked for) when magic
 * links are on, else the way to reset the password. At most one per 15
 * minutes (the link's lifetime) and HELP_EMAILS_PER_DAY a day, so wrong
 * passwords cannot flood the inbox. Only verified addresses get it: anyone can
 * register someone else's address without an account behind it.
 */
async function offerHelp(context: RequestContext, owner: { id: string; email: string; locale: string | null }) {
  if (
    !(
      await consumeRateLimit(
        { name: 'sign-in-help-link', limit: 1, windowSeconds: MAGIC_LINK_MINUTES * 60 },
        `user:${owner.id}`,
      )
    ).allowed
  )
    return;
  if (
    !(
      await consumeRateLimit(
        { name: 'sign-in-help-daily', limit: HELP_EMAILS_PER_DAY, windowSeconds: 24 * 60 * 60 },
        `user:${owner.id}`,
      )
    ).allowed
  )
    return;
  const locale = isLocale(owner.locale) ? owner.locale : appConfig.locales.default;
  if (!appConfig.auth.magicLink) {
    await sendAccountEmail('signInAttemptsReset', owner.email, locale, {
      url: new URL('/auth/forgot-password', appConfig.site.url).toString(),
    });
    return;
  }
  await getAuth().api.signInMagicLink({
    body: {
      email: owner.email,
      callbackURL: appConfig.paths.dashboard,
      // Read by auth.ts's sendMagicLink: the "someone tried to sign in" email, in the owner's language.
      metadata: { reason: 'sign-in-attempts', locale },
    },
    headers: authHeaders(context),
  });
}
