import { createHmac } from 'node:crypto';

/**
 * RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 seconds), as
 * authenticator apps compute them — written out here so the tests check
 * better-auth against the standard, not against itself.
 */
export function totp(base32Secret: string, at = Date.now(), stepSeconds = 30): string {
  const key = decodeBase32(base32Secret);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / stepSeconds)));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

function decodeBase32(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.toUpperCase().replace(/[\s=]/g, '');
  let bits = '';
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`Not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The secret of an otpauth:// URI or a manual key shown in groups ("JBSW Y3DP …"). */
export function secretFrom(uriOrKey: string): string {
  return uriOrKey.startsWith('otpauth://') ? new URL(uriOrKey).searchParams.get('secret')! : uriOrKey.replace(/\s+/g, '');
}
