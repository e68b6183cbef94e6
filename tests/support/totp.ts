import { createHmac } from 'node:crypto';

/**
 * RFC 6238 time-based codes, computed here independently of better-auth, the
 * way an authenticator app computes them from the otpauth:// URI it scanned.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    bits += index.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The secret of an otpauth:// URI (base32, as an app reads it from the QR code). */
export function secretOfUri(uri: string) {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error(`no secret in ${uri}`);
  return secret;
}

/** The 6-digit code for `secret` at `time` (30-second steps, HMAC-SHA1). */
export function totpCode(secret: string, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** A code that is not valid now (nor in the neighbouring steps a server tolerates). */
export function wrongCode(secret: string) {
  const valid = new Set([-1, 0, 1].map((step) => totpCode(secret, Date.now() + step * 30_000)));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** The secret of an otpauth:// URI, or of a key shown for typing by hand ("GMWX SNSC …"). */
export function secretFrom(uriOrKey: string) {
  return uriOrKey.startsWith('otpauth://') ? secretOfUri(uriOrKey) : uriOrKey.replace(/\s+/g, '');
}

const STEP_MS = 30_000;
const lastStepTyped = new Map<string, number>();

/**
 * The next code a person would type from their app: Keel accepts each time step
 * once per account (and the steps next to the current one, for clock drift), so
 * a test that enters several codes in a row takes a fresh step each time — the
 * current one, then the next — and waits for the clock when both are spent.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const step = Math.max(Math.floor(Date.now() / STEP_MS), (lastStepTyped.get(secret) ?? 0) + 1);
  const readyAt = (step - 1) * STEP_MS;
  if (readyAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, readyAt - Date.now() + 50));
  lastStepTyped.set(secret, step);
  return totpCode(secret, step * STEP_MS);
}
