import pino from 'pino';

/**
 * Structured JSON logs (one object per line) on stdout. Set LOG_LEVEL to change
 * the level; pipe through `npx pino-pretty` to read them comfortably.
 *
 * Reads LOG_LEVEL directly rather than through the server configuration so
 * that the logger is usable while the configuration itself is being reported
 * as invalid.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'keel' },
  redact: {
    paths: [
      'password',
      '*.password',
      'token',
      '*.token',
      'csrfToken',
      '*.csrfToken',
      'headers.cookie',
      'headers.authorization',
    ],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
