import { redirect } from 'next/navigation';
import { describe, expect, it } from 'vitest';
import { actionFailure, withActionFailure } from './action-failure';

const calm = 'The service is temporarily unavailable. Please try again shortly.';

describe('a server action call the action never answered', () => {
  it("shows our server's 413 envelope, which Next.js hands over as the error's message", async () => {
    const envelope = {
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        status: 413,
        message: 'What you sent is too large (the limit is 6 MB).',
        requestId: 'r-123',
      },
    };
    const upload = withActionFailure(async () => {
      throw new Error(JSON.stringify(envelope));
    }, calm);
    await expect(upload(null, new FormData())).resolves.toEqual({ ok: false, error: envelope.error });
  });

  it('shows a calm message when the network failed or the answer was not ours', () => {
    expect(actionFailure(new TypeError('Failed to fetch'), calm)).toEqual({
      ok: false,
      error: { code: 'SERVICE_UNAVAILABLE', status: 503, message: calm, requestId: '' },
    });
    expect(actionFailure(new Error('An unexpected response was received from the server.'), calm).ok).toBe(false);
    expect(actionFailure(new Error('{"not": "an envelope"}'), calm)).toMatchObject({
      error: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('lets redirects through', () => {
    let thrown: unknown;
    try {
      redirect('/signed-in');
    } catch (error) {
      thrown = error;
    }
    expect(() => actionFailure(thrown, calm)).toThrow();
  });
});
