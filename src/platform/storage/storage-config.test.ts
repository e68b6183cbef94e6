import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/platform/config/env-schema';
import { readServerConfig } from '@/platform/config/server-config-schema';

const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };

function configError(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('storage configuration', () => {
  it('keeps files on the local disk by default', () => {
    expect(readServerConfig(valid).storage).toEqual({ driver: 'local', dir: '.data/uploads', s3: null });
    expect(readServerConfig({ ...valid, STORAGE_DIR: '/var/lib/keel' }).storage).toMatchObject({
      driver: 'local',
      dir: '/var/lib/keel',
    });
  });

  it('reads an S3-compatible bucket, path-style at its endpoint, with a prefix', () => {
    const config = readServerConfig({
      ...valid,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'keel-uploads',
      S3_REGION: 'auto',
      S3_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PREFIX: '/keel/production/',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      dir: '.data/uploads',
      s3: {
        bucket: 'keel-uploads',
        region: 'auto',
        endpoint: 'https://account.r2.cloudflarestorage.com',
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
        prefix: 'keel/production',
      },
    });
    // On AWS itself, no endpoint and no keys: the machine's role.
    expect(
      readServerConfig({ ...valid, STORAGE_DRIVER: 's3', S3_BUCKET: 'keel-uploads', S3_REGION: 'eu-west-1' }).storage
        .s3,
    ).toMatchObject({
      endpoint: null,
      credentials: null,
      prefix: '',
    });
  });

  it('names what is missing or wrong, without printing the secret', () => {
    const missing = configError(() => readServerConfig({ ...valid, STORAGE_DRIVER: 's3' })).message;
    expect(missing).toContain('S3_BUCKET is required because STORAGE_DRIVER is "s3"');
    expect(missing).toContain('S3_REGION is required because STORAGE_DRIVER is "s3"');

    const halfKey = configError(() =>
      readServerConfig({
        ...valid,
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'b-1',
        S3_REGION: 'auto',
        S3_ACCESS_KEY_ID: 'AKIA',
      }),
    ).message;
    expect(halfKey).toContain('S3_SECRET_ACCESS_KEY is required because S3_ACCESS_KEY_ID is set');

    expect(configError(() => readServerConfig({ ...valid, STORAGE_DRIVER: 'ftp' })).message).toContain(
      'STORAGE_DRIVER must be "local" or "s3" (got "ftp")',
    );
    expect(configError(() => readServerConfig({ ...valid, S3_BUCKET: 'Not_A_Bucket' })).message).toContain(
      'S3_BUCKET must be a bucket name',
    );
    expect(configError(() => readServerConfig({ ...valid, S3_ENDPOINT: 'ftp://x' })).message).toContain(
      'S3_ENDPOINT must be an http(s) URL',
    );
    expect(configError(() => readServerConfig({ ...valid, S3_PREFIX: 'a/../b' })).message).toContain(
      'S3_PREFIX must be folder names',
    );

    const onlySecret = configError(() =>
      readServerConfig({
        ...valid,
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'b-1',
        S3_REGION: 'auto',
        S3_SECRET_ACCESS_KEY: 'hunter2-secret',
      }),
    ).message;
    expect(onlySecret).toContain('S3_ACCESS_KEY_ID is required because S3_SECRET_ACCESS_KEY is set');
    expect(onlySecret).not.toContain('hunter2');
  });
});
