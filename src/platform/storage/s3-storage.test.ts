import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockS3 } from '../../../tests/support/s3-server';
import { S3Storage, type S3StorageOptions } from './s3-storage';

const s3 = await startMockS3({ buckets: ['keel-test'], region: 'eu-west-3' });
afterAll(() => s3.close());

function storage(overrides: Partial<S3StorageOptions> = {}) {
  return new S3Storage({
    bucket: 'keel-test',
    region: s3.region,
    endpoint: s3.endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    prefix: '',
    ...overrides,
  });
}

const objects = () => s3.buckets.get('keel-test')!;

describe('S3 storage (through the AWS SDK, against a local S3 stand-in)', () => {
  it('stores, reads and deletes a file by key, with its content type', async () => {
    const files = storage();
    await files.put('avatars/abc.webp', Buffer.from('webp bytes'), { contentType: 'image/webp' });
    expect(objects().get('avatars/abc.webp')).toMatchObject({
      body: Buffer.from('webp bytes'),
      contentType: 'image/webp',
    });
    expect(await files.get('avatars/abc.webp')).toEqual({ body: Buffer.from('webp bytes'), contentType: 'image/webp' });

    await files.delete('avatars/abc.webp');
    expect(objects().has('avatars/abc.webp')).toBe(false);
    expect(await files.get('avatars/abc.webp')).toBeNull();
  });

  it('answers null for a missing key (S3 says NoSuchKey) and deletes a missing key without error', async () => {
    const before = s3.requests.length;
    expect(await storage().get('avatars/never-stored.webp')).toBeNull();
    expect(s3.requests.slice(before).map((request) => request.method)).toEqual(['GET']);
    await expect(storage().delete('avatars/never-stored.webp')).resolves.toBeUndefined();
  });

  it('replaces a file stored under the same key', async () => {
    const files = storage();
    await files.put('logos/same.png', Buffer.from('first'), { contentType: 'image/png' });
    await files.put('logos/same.png', Buffer.from('second'), { contentType: 'image/png' });
    expect(await files.get('logos/same.png')).toEqual({ body: Buffer.from('second'), contentType: 'image/png' });
    await files.delete('logos/same.png');
  });

  it('keeps every file under S3_PREFIX when one is set', async () => {
    const prefixed = storage({ prefix: 'keel/production' });
    await prefixed.put('avatars/p.webp', Buffer.from('in a folder'), { contentType: 'image/webp' });
    expect([...objects().keys()]).toContain('keel/production/avatars/p.webp');
    expect(objects().has('avatars/p.webp')).toBe(false);
    expect(await prefixed.get('avatars/p.webp')).toEqual({
      body: Buffer.from('in a folder'),
      contentType: 'image/webp',
    });
    expect(await storage().get('avatars/p.webp')).toBeNull();
    await prefixed.delete('avatars/p.webp');
    expect(objects().has('keel/production/avatars/p.webp')).toBe(false);
  });

  it('signs each request (AWS Signature Version 4) with the configured access key', async () => {
    const before = s3.requests.length;
    await storage().put('avatars/signed.webp', Buffer.from('x'), { contentType: 'image/webp' });
    const [put] = s3.requests.slice(before);
    expect(put!.method).toBe('PUT');
    expect(put!.url.split('?')[0]).toBe('/keel-test/avatars/signed.webp');
    expect(put!.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${s3.accessKeyId}/\\d{8}/eu-west-3/s3/aws4_request, ?SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, ?Signature=[a-f0-9]{64}$`,
      ),
    );
    // The stand-in checks signatures as S3 does: a wrong secret or key is refused, not ignored.
    await expect(
      storage({ credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' } }).get(
        'avatars/signed.webp',
      ),
    ).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    await expect(
      storage({ credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: s3.secretAccessKey } }).delete(
        'avatars/signed.webp',
      ),
    ).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    expect(objects().has('avatars/signed.webp')).toBe(true);
  });

  it('reports a missing bucket as an error, not as a missing file', async () => {
    await expect(storage({ bucket: 'no-such-bucket' }).get('avatars/abc.webp')).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
  });

  it('refuses the keys and content types the local disk refuses, before any request', async () => {
    const before = s3.requests.length;
    for (const key of ['../escape.webp', '/etc/passwd.webp', 'a//b.webp', '.hidden.webp', '']) {
      await expect(storage().put(key, Buffer.from('x'), { contentType: 'image/webp' })).rejects.toThrow(
        /Invalid storage key/,
      );
      await expect(storage().get(key)).rejects.toThrow(/Invalid storage key/);
    }
    await expect(storage().put('x/file.webp', Buffer.from('x'), { contentType: 'text/html' })).rejects.toThrow(
      /does not match/,
    );
    expect(s3.requests.length).toBe(before);
  });

  it('the stand-in answers HeadObject like S3 (headers for a file, a bare 404 otherwise)', async () => {
    await storage().put('avatars/head.webp', Buffer.from('12345'), { contentType: 'image/webp' });
    const client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: 'keel-test', Key: 'avatars/head.webp' }));
    expect(head).toMatchObject({
      ContentLength: 5,
      ContentType: 'image/webp',
      ETag: expect.stringMatching(/^"[a-f0-9]{32}"$/),
    });
    await expect(
      client.send(new HeadObjectCommand({ Bucket: 'keel-test', Key: 'avatars/none.webp' })),
    ).rejects.toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
    client.destroy();
  });
});
