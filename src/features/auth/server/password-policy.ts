import 'server-only';
import commonPasswords from './data/common-passwords.json';

const COMMON = new Set<string>(commonPasswords);

/** True when the password is on the bundled list of commonly used passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
