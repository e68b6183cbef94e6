import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as serveLogo } from '@/app/api/organization-logos/[file]/route';
import { createOrganizationAction } from '@/features/organizations/server/actions';
import { setLogo } from '@/features/organizations/server/logo';
import {
  removeOrganizationLogoAction,
  uploadOrganizationLogoAction,
} from '@/features/organizations/server/logo-actions';
import { findAccess } from '@/features/organizations/server';
import { members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { startMockS3 } from '../../support/s3-server';
import { createVerifiedUser, type TestUser } from '../../support/users';
import type { Visitor } from '../../support/visitor';

// This file keeps its uploads in a (local stand-in for an) S3 bucket, chosen by
// the configuration as a deployment would (read by getServerConfig on first use).
const s3 = await startMockS3({ buckets: ['keel-logos'], region: 'auto' });
Object.assign(process.env, {
  STORAGE_DRIVER: 's3',
  S3_BUCKET: 'keel-logos',
  S3_REGION: 'auto',
  S3_ENDPOINT: s3.endpoint,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  S3_PREFIX: 'test-app',
});
afterAll(() => s3.close());

const PREFIX = 'test-app/';
let owner: TestUser;
let plainMember: TestUser;
let outsider: TestUser;
let organizationId: string;

beforeAll(async () => {
  [owner, plainMember, outsider] = await Promise.all([
    createVerifiedUser(),
    createVerifiedUser(),
    createVerifiedUser({ locale: 'es' }),
  ]);
  expect(await owner.visitor.run(createOrganizationAction, { name: 'Logo Works', slug: 'logo-works' })).toEqual({
    redirect: '/dashboard/logo-works',
  });
  organizationId = (await findAccess(owner.id, { slug: 'logo-works' }))!.organization.id;
  await db.insert(members).values({ organizationId, userId: plainMember.id, role: 'member' });
});

/** Every object in the bucket, without the configured prefix. */
function storedKeys() {
  return [...s3.buckets.get('keel-logos')!.keys()]
    .map((key) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : `(outside the prefix) ${key}`))
    .sort();
}

async function logoKey(id = organizationId) {
  const [row] = await db.select({ logo: organizations.logo }).from(organizations).where(eq(organizations.id, id));
  return row!.logo;
}

function upload(visitor: Visitor, bytes: Buffer | string, name: string, type: string, id = organizationId) {
  const form = new FormData();
  form.set('organizationId', id);
  form.set('logo', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return visitor.run(uploadOrganizationLogoAction, form);
}

function get(url: string) {
  const file = url.split('/').pop()!;
  return serveLogo(new Request(`http://localhost:3000${url}`), { params: Promise.resolve({ file }) });
}

/** A wide wordmark on a transparent background: 600×200, opaque only in a band in the middle. */
function wideTransparentPng() {
  return sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      {
        input: { create: { width: 560, height: 120, channels: 4, background: { r: 20, g: 90, b: 200, alpha: 1 } } },
        top: 40,
        left: 20,
      },
    ])
    .withExif({ IFD0: { Copyright: 'internal' } })
    .png()
    .toBuffer();
}

describe('organization logo', () => {
  let firstUrl: string;

  it('stores a real PNG as a 256×256 WebP keeping transparency, under a content-hash key, served with immutable caching', async () => {
    const outcome = await upload(owner.visitor, await wideTransparentPng(), 'logo.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: true,
      data: { logoUrl: expect.stringMatching(/^\/api\/organization-logos\/[a-f0-9]{40}\.webp$/) },
    });
    firstUrl = (outcome as { data: { logoUrl: string } }).data.logoUrl;
    const file = firstUrl.split('/').pop()!;
    expect(await logoKey()).toBe(`organization-logos/${file}`);
    expect(storedKeys()).toEqual([`organization-logos/${file}`]);
    expect((await findAccess(owner.id, { id: organizationId }))!.organization.logoUrl).toBe(firstUrl);

    const response = await get(firstUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('set-cookie')).toBeNull();
    const served = Buffer.from(await response.arrayBuffer());
    const metadata = await sharp(served).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 256, hasAlpha: true });
    expect(metadata.exif).toBeUndefined();
    // Fitted, not cropped: the whole wordmark in a band across the middle, transparent above and below
    // (a centre crop would fill the square with the band from y≈51 to y≈204).
    const { data, info } = await sharp(served).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect([alphaAt(0, 0), alphaAt(128, 60), alphaAt(128, 200), alphaAt(255, 255)]).toEqual([0, 0, 0, 0]);
    expect([alphaAt(128, 128), alphaAt(20, 128), alphaAt(236, 128)]).toEqual([255, 255, 255]);
  });

  it('deletes the previous file when the logo is replaced', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#cc3366' } })
      .jpeg()
      .toBuffer();
    const outcome = await upload(owner.visitor, jpeg, 'new.jpg', 'image/jpeg');
    expect(outcome).toMatchObject({ ok: true });
    const secondUrl = (outcome as { data: { logoUrl: string } }).data.logoUrl;
    expect(secondUrl).not.toBe(firstUrl);
    expect(storedKeys()).toEqual([`organization-logos/${secondUrl.split('/').pop()}`]);
    expect((await get(firstUrl)).status).toBe(404);
    expect((await get(secondUrl)).status).toBe(200);
  });

  it('refuses a text file named .png, by its bytes (415, error on the logo field)', async () => {
    const before = await logoKey();
    const outcome = await upload(owner.visitor, '<svg onload="alert(1)"></svg>', 'logo.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        status: 415,
        fieldErrors: { logo: ['Choose a PNG, JPEG, WebP or GIF image.'] },
      },
    });
    expect(await logoKey()).toBe(before);
    expect(storedKeys()).toEqual([before]);
  });

  it('refuses a file over 5 MB (413, error on the logo field)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const outcome = await upload(owner.visitor, big, 'big.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        status: 413,
        fieldErrors: { logo: ['This image is larger than 5 MB. Choose a smaller one.'] },
      },
    });
    expect(storedKeys()).toHaveLength(1);
  });

  it('refuses a member whose role may not update the organization (403) and a non-member (404), storing nothing', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const before = await logoKey();

    expect(await upload(plainMember.visitor, png, 'x.png', 'image/png')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', status: 403 },
    });
    expect(await plainMember.visitor.run(removeOrganizationLogoAction, { organizationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await upload(outsider.visitor, png, 'x.png', 'image/png')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
    expect(await outsider.visitor.run(removeOrganizationLogoAction, { organizationId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The service checks again inside the tenant transaction, and leaves no file behind when it refuses.
    await expect(setLogo({ userId: plainMember.id, organizationId }, png)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await logoKey()).toBe(before);
    expect(storedKeys()).toEqual([before]);
  });

  it('answers field errors in the uploader\u2019s language', async () => {
    const spanish = await createVerifiedUser({ locale: 'es' });
    expect(
      await spanish.visitor.run(createOrganizationAction, { name: 'Logotipos', slug: 'logotipos-es' }),
    ).toMatchObject({ redirect: expect.any(String) });
    const id = (await findAccess(spanish.id, { slug: 'logotipos-es' }))!.organization.id;
    expect(await upload(spanish.visitor, 'GIF? no', 'logo.gif', 'image/gif', id)).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', fieldErrors: { logo: ['Elige una imagen PNG, JPEG, WebP o GIF.'] } },
    });
  });

  it('gives two organizations with the same picture two files, so removing one logo leaves the other', async () => {
    const other = await createVerifiedUser();
    expect(await other.visitor.run(createOrganizationAction, { name: 'Twin', slug: 'twin-logo' })).toMatchObject({
      redirect: expect.any(String),
    });
    const twinId = (await findAccess(other.id, { slug: 'twin-logo' }))!.organization.id;
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#cc3366' } })
      .jpeg()
      .toBuffer();
    expect(await upload(other.visitor, jpeg, 'same.jpg', 'image/jpeg', twinId)).toMatchObject({ ok: true });
    const [mine, theirs] = [await logoKey(), await logoKey(twinId)];
    expect(theirs).not.toBe(mine);
    expect(storedKeys()).toEqual([mine, theirs].sort());

    expect(await other.visitor.run(removeOrganizationLogoAction, { organizationId: twinId })).toEqual({
      ok: true,
      data: { logoUrl: null },
    });
    expect(storedKeys()).toEqual([mine]);
  });

  it('removes the logo: back to initials, file deleted, its URL gone', async () => {
    const key = (await logoKey())!;
    expect(await owner.visitor.run(removeOrganizationLogoAction, { organizationId })).toEqual({
      ok: true,
      data: { logoUrl: null },
    });
    expect(await logoKey()).toBeNull();
    expect(storedKeys()).toEqual([]);
    expect((await get(`/api/organization-logos/${key.split('/').pop()}`)).status).toBe(404);
  });

  it('answers 404 for a file that does not exist or is not a logo name', async () => {
    expect((await get(`/api/organization-logos/${'a'.repeat(40)}.webp`)).status).toBe(404);
    expect((await get('/api/organization-logos/..%2F..%2Fapp-secret')).status).toBe(404);
  });
});
