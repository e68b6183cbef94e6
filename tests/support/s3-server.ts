import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for S3's HTTP API, for tests: path-style PutObject,
 * GetObject, HeadObject and DeleteObject on in-memory buckets, answering
 * errors with S3's XML (NoSuchKey, NoSuchBucket, SignatureDoesNotMatch…).
 * Every request must carry a valid AWS Signature Version 4 for the one access
 * key it knows, checked the way S3 checks it — so a test passing through it
 * shows the real SDK signed the request with the configured credentials.
 */
export interface MockS3 {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket → key → object */
  buckets: Map<string, Map<string, StoredObject>>;
  /** Every request received, in order (method, raw path and query, headers). */
  requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4's canonical query string wants it. */
const encodeStrict = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

function canonicalQuery(rawQuery: string) {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      return [
        encodeStrict(decodeURIComponent(name.replace(/\+/g, '%20'))),
        encodeStrict(decodeURIComponent(value.replace(/\+/g, '%20'))),
      ] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * Checks the Authorization header the way S3 does: access key, scope, then the signature over the canonical request.
 */
function verifySignature(
  request: IncomingMessage,
  body: Buffer,
  keys: { accessKeyId: string; secretAccessKey: string; region: string },
) {
  const authorization = request.headers.authorization;
  if (!authorization) throw new S3Error(403, 'AccessDenied', 'Access Denied');
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([a-f0-9]{64})$/.exec(
      authorization,
    );
  if (!match) throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  if (accessKeyId !== keys.accessKeyId)
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (region !== keys.region || service !== 's3')
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${region}' is wrong; expecting '${keys.region}'`,
    );
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date!))
    throw new S3Error(403, 'AccessDenied', 'The x-amz-date does not match the credential scope.');
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(signedAt) || Math.abs(Date.now() - signedAt) > 15 * 60_000) {
    throw new S3Error(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }

  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (!payloadHash)
    throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (payloadHash.startsWith('STREAMING-'))
    throw new S3Error(501, 'NotImplemented', 'Chunked uploads are not supported by this test server.');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) {
    throw new S3Error(
      400,
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }

  const names = signedHeaders!.split(';');
  if (!names.includes('host')) throw new S3Error(403, 'AccessDenied', 'The host header must be signed.');
  const [rawPath = '/', rawQuery = ''] = (request.url ?? '/').split(/\?(.*)/s);
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    request.method,
    rawPath,
    canonicalQuery(rawQuery),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = ['aws4_request'].reduce(
    (key, part) => hmac(key, part),
    hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date!), region!), service!),
  );
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  if (expected !== signature) {
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
}

function readBody(request: IncomingMessage) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function escapeXml(value: string) {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startMockS3(
  options: { buckets?: string[]; region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<MockS3> {
  const region = options.region ?? 'us-east-1';
  const accessKeyId = options.accessKeyId ?? `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`;
  const secretAccessKey = options.secretAccessKey ?? randomBytes(30).toString('base64');
  const buckets = new Map((options.buckets ?? ['keel-test']).map((name) => [name, new Map<string, StoredObject>()]));
  const requests: MockS3['requests'] = [];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    verifySignature(request, body, { accessKeyId, secretAccessKey, region });

    const path = (request.url ?? '/').split('?')[0]!;
    const [, bucketName = '', ...keyParts] = path.split('/');
    const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
    const bucket = buckets.get(bucketName);
    if (!bucket)
      throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucketName });
    if (!key) throw new S3Error(501, 'NotImplemented', 'Only object operations are supported by this test server.');

    const object = bucket.get(key);
    const objectHeaders = (stored: StoredObject) => ({
      'content-type': stored.contentType,
      'content-length': String(stored.body.length),
      etag: stored.etag,
      'last-modified': stored.lastModified.toUTCString(),
    });
    switch (request.method) {
      case 'PUT': {
        const stored = {
          body,
          contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'),
          etag: `"${createHash('md5').update(body).digest('hex')}"`,
          lastModified: new Date(),
        };
        bucket.set(key, stored);
        response.writeHead(200, { etag: stored.etag, 'content-length': '0' });
        return response.end();
      }
      case 'GET':
        if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        response.writeHead(200, objectHeaders(object));
        return response.end(object.body);
      case 'HEAD':
        // HEAD answers carry no body, so S3 sends a bare status.
        if (!object) throw new S3Error(404, 'NotFound', '');
        response.writeHead(200, objectHeaders(object));
        return response.end();
      case 'DELETE':
        // Deleting a missing key succeeds, as on S3.
        bucket.delete(key);
        response.writeHead(204);
        return response.end();
      default:
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const failure = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      const requestId = randomBytes(8).toString('hex').toUpperCase();
      const headers = { 'x-amz-request-id': requestId, 'content-type': 'application/xml' };
      if (request.method === 'HEAD') {
        response.writeHead(failure.status, headers);
        return response.end();
      }
      const extra = Object.entries(failure.extra)
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      response.writeHead(failure.status, headers);
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${failure.code}</Code><Message>${escapeXml(failure.message)}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region,
    accessKeyId,
    secretAccessKey,
    buckets,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
