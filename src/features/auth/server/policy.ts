import 'server-only';
import { z } from 'zod';
import type { RateLimitOption } from '@/platform/http/pipeline';
import { isCommonPassword } from './password-policy';

/** Adds the common-password check to the password fields named in `fields`. */
export function withPasswordPolicy<S extends z.ZodObject>(schema: S, fields: string[]) {
  return schema.superRefine((value, ctx) => {
    for (const field of fields) {
      const password = (value as Record<string, unknown>)[field];
      if (typeof password === 'string' && isCommonPassword(password)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'validation.commonPassword' });
      }
    }
  });
}

/**
 * Rate limits for the public account endpoints, counted in PostgreSQL per
 * client IP and per normalised email address: an attacker spreading over
 * addresses meets the IP limit, one spreading over IPs meets the email limit.
 */
export function limitsByIpAndEmail<Input extends { email: string }>(
  name: string,
  { perIp, perEmail, windowSeconds }: { perIp: number; perEmail: number; windowSeconds: number },
): RateLimitOption<Input>[] {
  return [
    { name: `${name}-ip`, limit: perIp, windowSeconds },
    {
      name: `${name}-email`,
      limit: perEmail,
      windowSeconds,
      by: (_context, input) => `email:${normaliseEmail(input.email)}`,
    },
  ];
}

/** Lower-cased, trimmed, and without "+tag" for the limit key (a+1@x and a+2@x are one mailbox). */
export function normaliseEmail(email: string) {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  return `${local.split('+')[0]}@${domain}`;
}

/** Responses of the endpoints that could reveal whether an email has an account take at least this long. */
export const UNIFORM_RESPONSE_MS = 600;

/**
 * Answers no faster than `milliseconds`: whether an email exists or not, the
 * endpoints that could reveal it take about the same time.
 */
export async function withMinimumDuration<T>(milliseconds: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = milliseconds - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
