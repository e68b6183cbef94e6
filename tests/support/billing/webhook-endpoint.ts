import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import type { BillingProvider } from '@/platform/config/constants';

/**
 * The app's webhook endpoint over HTTP, as a provider reaches it: a local server that hands each request,
 * byte for byte, to the real route handler, POST /api/billing/webhooks/<provider>.
 */
export async function serveWebhookEndpoint(
  provider: BillingProvider,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost:3000${incoming.url}`, {
      method: 'POST',
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await POST(request, { params: Promise.resolve({ provider }) });
    outgoing.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/billing/webhooks/${provider}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
