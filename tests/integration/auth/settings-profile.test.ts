import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as serveAvatar } from '@/app/api/avatars/[file]/route';
import { users } from '@/features/auth/server/schema';
import { clearAvatar, saveProfile, uploadAvatar } from '@/features/auth/server/profile-actions';
import { db } from '@/platform/db/client';
import { createPasswordUser, signInAs } from '../../support/users';
import type { Visitor } from '../../support/visitor';
import { setUpTemporaryStorage } from '../../support/storage';

// Uploads go to a folder of this test file's own (read by getServerConfig on first use).
const storageDir = await setUpTemporaryStorage();

let visitor: Visitor;
let userId: string;

beforeAll(async () => {
  const user = await createPasswordUser();
  userId = user.id;
  visitor = await signInAs(user);
});

async function imageOfUser() {
  const [row] = await db.select({ image: users.image, name: users.name }).from(users).where(eq(users.id, userId));
  return row!;
}

function upload(bytes: Buffer | string, name: string, type: string) {
  const form = new FormData();
  form.set('avatar', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return visitor.run(uploadAvatar, form);
}

async function storedFiles() {
  return fs.readdir(path.join(storageDir, 'avatars')).catch(() => [] as string[]);
}

function get(url: string) {
  const file = url.split('/').pop()!;
  return serveAvatar(new Request(`http://localhost:3000${url}`), { params: Promise.resolve({ file }) });
}

/** A PNG that declares 100 000 × 100 000 pixels in its header, in a few dozen bytes. */
async function pixelBomb() {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  // IHDR data starts at byte 16: width, height (big-endian), then the CRC of type + data at byte 29.
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('profile: name', () => {
  it('saves a trimmed name and refuses an empty one with a field error', async () => {
    expect(await visitor.run(saveProfile, { name: '  Ada King  ' })).toEqual({ ok: true, data: { name: 'Ada King' } });
    expect((await imageOfUser()).name).toBe('Ada King');

    const refused = await visitor.run(saveProfile, { name: '   ' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { name: [expect.any(String)] } },
    });
    expect((await imageOfUser()).name).toBe('Ada King');
  });
});

describe('profile: avatar', () => {
  it('accepts a real PNG and stores it as a 256×256 WebP without metadata, served with immutable caching', async () => {
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#3366cc' } })
      .withExif({ IFD0: { Copyright: 'secret location' } })
      .png()
      .toBuffer();
    const outcome = await upload(png, 'me.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: true,
      data: { image: expect.stringMatching(/^\/api\/avatars\/[a-f0-9]{40}\.webp$/) },
    });
    const { image } = await imageOfUser();
    expect(image).toBe((outcome as { data: { image: string } }).data.image);

    const response = await get(image!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const stored = Buffer.from(await response.arrayBuffer());
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(metadata.exif).toBeUndefined();
    expect(await storedFiles()).toEqual([image!.split('/').pop()]);
  });

  it('replaces the previous file when a new picture is uploaded, and removes it on "remove"', async () => {
    const before = (await imageOfUser()).image!;
    const jpeg = await sharp({ create: { width: 300, height: 900, channels: 3, background: '#cc3366' } })
      .jpeg()
      .toBuffer();
    expect(await upload(jpeg, 'portrait.jpg', 'image/jpeg')).toMatchObject({ ok: true });
    const after = (await imageOfUser()).image!;
    expect(after).not.toBe(before);
    expect(await storedFiles()).toEqual([after.split('/').pop()]);
    expect((await get(before)).status).toBe(404);

    expect(await visitor.run(clearAvatar, {})).toEqual({ ok: true, data: { image: null } });
    expect((await imageOfUser()).image).toBeNull();
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a text file named .png, by its bytes', async () => {
    const outcome = await upload('<html><script>alert(1)</script></html>', 'avatar.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', fieldErrors: { avatar: ['Choose a PNG, JPEG, WebP or GIF image.'] } },
    });
    expect((await imageOfUser()).image).toBeNull();
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a file over 5 MB', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const outcome = await upload(big, 'big.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', fieldErrors: { avatar: [expect.stringContaining('5 MB')] } },
    });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const started = performance.now();
    const outcome = await upload(await pixelBomb(), 'small.png', 'image/png');
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', fieldErrors: { avatar: [expect.stringContaining('megapixels')] } },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a damaged image that starts like a PNG', async () => {
    const damaged = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('not really a png'),
    ]);
    expect(await upload(damaged, 'x.png', 'image/png')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', fieldErrors: { avatar: [expect.any(String)] } },
    });
  });

  it('answers 404 for a file that does not exist or is not an avatar name', async () => {
    expect((await get(`/api/avatars/${'a'.repeat(40)}.webp`)).status).toBe(404);
    expect((await get('/api/avatars/..%2F..%2Fapp-secret')).status).toBe(404);
  });
});
