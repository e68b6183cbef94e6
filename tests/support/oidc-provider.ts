import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A small OpenID Connect provider for tests: discovery, an authorization page
 * where the tester types who they are (and whether the provider vouches for the
 * email), the token endpoint with PKCE (S256) and client authentication, ID
 * tokens signed RS256, userinfo and JWKS. Enough for the authorization-code flow
 * a real provider (Okta, Keycloak, Entra…) runs — nothing leaves the machine.
 */
export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

interface Identity {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

interface PendingCode {
  identity: Identity;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  expiresAt: number;
}

export async function startOidcProvider(
  options: { port?: number; clientId?: string; clientSecret?: string } = {},
): Promise<OidcProvider> {
  const clientId = options.clientId ?? 'keel-test-client';
  const clientSecret = options.clientSecret ?? 'keel-test-client-secret';
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, Identity>();

  const server = createServer((request, response) => {
    handle(request)
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(
    request: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, value: unknown) => ({
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify(value),
    });

    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'email', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        claims_supported: ['sub', 'email', 'email_verified', 'name'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });

    if (url.pathname === '/authorize' && request.method === 'GET') {
      const params = url.searchParams;
      if (
        params.get('client_id') !== clientId ||
        params.get('response_type') !== 'code' ||
        !params.get('redirect_uri')
      ) {
        return json(400, { error: 'invalid_request' });
      }
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: authorizePage(params) };
    }
    if (url.pathname === '/authorize' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      const redirectUri = form.get('redirect_uri')!;
      const target = new URL(redirectUri);
      if (form.get('decision') === 'deny') {
        target.searchParams.set('error', 'access_denied');
      } else {
        const email = (form.get('email') ?? '').trim().toLowerCase();
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          identity: {
            sub: `sub-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`,
            email,
            email_verified: form.get('email_verified') === 'on',
            name: form.get('name') || email.split('@')[0]!,
          },
          clientId: form.get('client_id')!,
          redirectUri,
          codeChallenge: form.get('code_challenge'),
          nonce: form.get('nonce'),
          expiresAt: Date.now() + 60_000,
        });
        target.searchParams.set('code', code);
      }
      const state = form.get('state');
      if (state) target.searchParams.set('state', state);
      target.searchParams.set('iss', issuer);
      return { status: 302, headers: { location: target.toString() }, body: '' };
    }

    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      const basic = request.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(request.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
        : null;
      const [id, secret] = basic ?? [form.get('client_id'), form.get('client_secret')];
      if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (
        !pending ||
        pending.expiresAt < Date.now() ||
        pending.redirectUri !== form.get('redirect_uri') ||
        pending.clientId !== id
      ) {
        return json(400, { error: 'invalid_grant' });
      }
      if (pending.codeChallenge) {
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== pending.codeChallenge)
          return json(400, { error: 'invalid_grant' });
      }
      const accessToken = randomBytes(24).toString('hex');
      accessTokens.set(accessToken, pending.identity);
      return json(200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'openid email profile',
        id_token: await idToken(privateKey, issuer, clientId, pending),
      });
    }

    if (url.pathname === '/userinfo') {
      const identity = accessTokens.get(request.headers.authorization?.replace(/^Bearer /, '') ?? '');
      return identity ? json(200, identity) : json(401, { error: 'invalid_token' });
    }
    return json(404, { error: 'not_found' });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function idToken(privateKey: CryptoKey, issuer: string, audience: string, pending: PendingCode) {
  return new SignJWT({ ...pending.identity, ...(pending.nonce ? { nonce: pending.nonce } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(pending.identity.sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The provider's sign-in page: who you are, and whether the provider confirms the email. */
function authorizePage(params: URLSearchParams) {
  const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'nonce']
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name) ?? '')}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/authorize">${hidden}
<label>Email <input name="email" type="email" required></label>
<label>Name <input name="name"></label>
<label><input type="checkbox" name="email_verified" checked> Email verified by the provider</label>
<button name="decision" value="allow">Continue</button>
<button name="decision" value="deny">Cancel</button>
</form></main></body></html>`;
}

/** Completes the provider's page as a person would: posts who they are, returns the redirect back to the app. */
export async function authorizeAs(
  authorizationUrl: string,
  identity: { email: string; name?: string; emailVerified?: boolean; deny?: boolean },
) {
  const url = new URL(authorizationUrl);
  const page = await fetch(url);
  if (!page.ok) throw new Error(`authorization page answered ${page.status}: ${await page.text()}`);
  const form = new URLSearchParams();
  for (const name of ['client_id', 'redirect_uri', 'state', 'code_challenge', 'nonce'])
    form.set(name, url.searchParams.get(name) ?? '');
  form.set('email', identity.email);
  form.set('name', identity.name ?? '');
  if (identity.emailVerified !== false) form.set('email_verified', 'on');
  form.set('decision', identity.deny ? 'deny' : 'allow');
  const response = await fetch(new URL('/authorize', url), { method: 'POST', body: form, redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`the provider did not redirect back (status ${response.status})`);
  return location;
}
