import 'server-only';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { db } from '@/platform/db/client';
import { getAuth } from './auth';
import { twoFactors, users } from './schema';

export interface MfaStatus {
  /** Sign-in with a password asks for an authenticator code. */
  enabled: boolean;
  /** Unused recovery codes (0 when off). */
  recoveryCodesLeft: number;
}

/** Whether the user has two-factor authentication on, and how many recovery codes remain. */
export async function getMfaStatus(userId: string): Promise<MfaStatus> {
  const [row] = await db
    .select({ enabled: users.twoFactorEnabled, verified: twoFactors.verified })
    .from(users)
    .leftJoin(twoFactors, eq(twoFactors.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  const enabled = Boolean(row?.enabled && row.verified);
  if (!enabled) return { enabled: false, recoveryCodesLeft: 0 };
  const { backupCodes } = await getAuth().api.viewBackupCodes({ body: { userId } });
  return { enabled, recoveryCodesLeft: backupCodes.length };
}

/** What the set-up screen shows for an otpauth:// URI: a QR code and the key to type by hand. */
export interface AuthenticatorSetup {
  /** A QR code as an SVG data URL, made here: nothing is loaded from elsewhere (and the CSP allows data: images). */
  qrCode: string;
  /** The base32 secret in groups of four, for apps without a camera. */
  manualKey: string;
}

export async function authenticatorSetup(totpUri: string): Promise<AuthenticatorSetup> {
  const svg = await QRCode.toString(totpUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  return {
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    manualKey: formatManualKey(secret),
  };
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP". */
function formatManualKey(secret: string) {
  return (secret.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
