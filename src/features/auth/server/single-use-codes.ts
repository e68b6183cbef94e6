import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { symmetricDecrypt } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { totpSteps, twoFactors } from './schema';

/** better-auth's authenticator codes: 6 digits per 30-second step, the step either side accepted for clock drift. */
const PERIOD_MS = 30_000;
const DRIFT_STEPS = 1;

/** The refusal of a code whose time step the account already used (mapped to `auth.codeAlreadyUsed`). */
export const CODE_ALREADY_USED = 'TOTP_CODE_USED';

/**
 * Makes every authenticator code single-use. better-auth accepts a right code
 * as often as it is sent while it is current (about 90 seconds), so a code
 * read over a shoulder or relayed by a phishing page would sign in a second
 * browser. Everything that takes a code goes through better-auth's
 * /two-factor/verify-totp — the sign-in's second step, confirming the set-up,
 * and confirming who is there before a sensitive change (reauthentication.ts)
 * — so this hook, before it, finds which time step a right code belongs to
 * and claims it for the account in one atomic statement: a step no later than
 * the last one used is refused, and of two requests sending the same code at
 * once exactly one gets through. A wrong code is left to better-auth, which
 * counts it towards its lockouts.
 */
export function singleUseAuthenticatorCodes(): BetterAuthPlugin {
  return {
    id: 'keel-single-use-authenticator-codes',
    hooks: {
      before: [
        {
          matcher: (context) => context.path === '/two-factor/verify-totp',
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== 'string') return;
            const owner = await codeOwner(ctx);
            // No session and no pending sign-in: better-auth refuses on its own.
            if (!owner) return;
            const { userId, signedIn } = owner;
            const [row] = await db
              .select({ secret: twoFactors.secret, lockedUntil: twoFactors.lockedUntil })
              .from(twoFactors)
              .where(eq(twoFactors.userId, userId))
              .limit(1);
            if (!row) return;
            // Locked after too many wrong codes: better-auth refuses at sign-in (the code stays unspent), but not
            // for a signed-in session confirming who is there, so there the code is claimed all the same.
            if (!signedIn && row.lockedUntil && row.lockedUntil.getTime() > Date.now()) return;
            const secret = await symmetricDecrypt({ key: ctx.context.secretConfig, data: row.secret });
            const step = stepOfCode(secret, code, Date.now());
            if (step === null) return;
            if (!(await claimStep(userId, step))) {
              throw APIError.fromStatus('BAD_REQUEST', {
                code: CODE_ALREADY_USED,
                message: 'This code was already used',
              });
            }
          }),
        },
      ],
    },
  };
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Whose code it is, as better-auth decides: the signed-in user, else the pending sign-in of the two-factor cookie. */
async function codeOwner(ctx: HookContext): Promise<{ userId: string; signedIn: boolean } | null> {
  const session = await getSessionFromCtx(ctx);
  if (session) return { userId: session.user.id, signedIn: true };
  const cookie = ctx.context.createAuthCookie('two_factor');
  const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!challenge) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
  return pending?.value ? { userId: pending.value, signedIn: false } : null;
}

/** The time step (within the drift better-auth allows) whose code `code` is, or null for a wrong code. */
function stepOfCode(secret: string, code: string, now: number): number | null {
  const current = Math.floor(now / PERIOD_MS);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step += 1) {
    const expected = Buffer.from(hotp(secret, step));
    const given = Buffer.from(code);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return step;
  }
  return null;
}

/** RFC 4226: the 6-digit code of `counter`; better-auth uses the secret's UTF-8 bytes as the HMAC-SHA1 key. */
function hotp(secret: string, counter: number) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secret, 'utf8')).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/** Records `step` as the account's last used one if it is later than the last; false when it is not. */
async function claimStep(userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .insert(totpSteps)
    .values({ userId, lastStep: step })
    .onConflictDoUpdate({
      target: totpSteps.userId,
      set: { lastStep: step, usedAt: sql`now()` },
      setWhere: sql`${totpSteps.lastStep} < ${step}`,
    })
    .returning({ userId: totpSteps.userId });
  return claimed.length > 0;
}
