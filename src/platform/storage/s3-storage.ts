import 'server-only';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertValidKey, contentTypeOfKey, type FileStorage, type StoredFile } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Null for AWS S3; the API address of an S3-compatible service (R2, MinIO, Spaces…), addressed path-style. */
  endpoint: string | null;
  /** Null: the SDK's default credentials (the machine's role, AWS_* variables). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** A folder inside the bucket ("keel/production"), or "" for its root. */
  prefix: string;
}

/** S3 answers a missing object with NoSuchKey (GET) or a bare 404 (HEAD); a missing bucket stays an error. */
function isMissingObject(error: unknown) {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/**
 * Files in an S3 bucket, or any service speaking S3's API (Cloudflare R2,
 * MinIO, DigitalOcean Spaces, Backblaze B2…), for several app instances or
 * hosts whose disk does not survive a deploy. Same keys and rules as the local
 * disk: the key's extension must match the content type, so what one adapter
 * accepts the other does too.
 */
export class S3Storage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            // Compatible services rarely have a DNS name per bucket.
            forcePathStyle: true,
            // Checksums only where S3 demands them: several compatibles refuse the newer checksum headers.
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
      // A stalled store must not hold a request (and its database connection) for minutes.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      maxAttempts: 3,
    });
  }

  private objectKey(key: string) {
    assertValidKey(key);
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  async put(key: string, body: Buffer, { contentType }: { contentType: string }) {
    const objectKey = this.objectKey(key);
    if (contentTypeOfKey(key) !== contentType)
      throw new Error(`The key ${key} does not match the content type ${contentType}.`);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: objectKey,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
      }),
    );
  }

  async get(key: string): Promise<StoredFile | null> {
    const objectKey = this.objectKey(key);
    const contentType = contentTypeOfKey(key);
    if (!contentType) return null;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      if (!response.Body) return null;
      return {
        body: Buffer.from(await response.Body.transformToByteArray()),
        contentType: response.ContentType ?? contentType,
      };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string) {
    const objectKey = this.objectKey(key);
    try {
      // S3 answers 204 for a missing key too; some compatibles answer 404.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
    } catch (error) {
      if (!isMissingObject(error)) throw error;
    }
  }
}
