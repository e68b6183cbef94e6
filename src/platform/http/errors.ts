/**
 * The error vocabulary shared by server actions, API routes and the client.
 * Codes are stable (clients may branch on them); messages are translated from
 * the `errors` message namespace.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  /** The organization's plan does not allow it (a limit, an entitlement): the answer points to the plans. */
  PLAN_UPGRADE_REQUIRED: 402,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  EMAIL_NOT_SENT: 502,
  /** The payment provider refused or did not answer: nothing was changed. */
  BILLING_PROVIDER_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

/** What an action result or an API error envelope carries. */
export interface ErrorPayload {
  code: ErrorCode;
  status: number;
  message: string;
  fieldErrors?: FieldErrors;
  requestId: string;
  /** Where a developer reads about this error (set for CSRF failures). */
  docs?: string;
}

/** The result of every server action built with `defineAction`. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ErrorPayload;
      /**
       * What a form submitted (text fields only, never passwords or tokens), so
       * a page rendered without JavaScript can show it again with the errors.
       */
      values?: Record<string, string>;
    };

/** The JSON body of every API error response: `{ "error": { … } }`. */
export interface ErrorEnvelope {
  error: ErrorPayload;
}

/**
 * Throw this from an action or route handler to answer with a specific code.
 * The message is a translation key in the `errors` namespace (defaults to the
 * code), so the user reads it in their language.
 */
/** Marks every AppError, whichever copy of this module made it (see `Symbol.hasInstance` below). */
const APP_ERROR_BRAND = Symbol.for('keel.AppError');

export class AppError extends Error {
  /**
   * Next.js bundles this module more than once in one server (the instrumentation hook, and the
   * route and action layers each get their own copy), and an AppError thrown by one copy can reach
   * another: organization hooks registered by billing in one bundle run inside an action of another.
   * So `instanceof AppError` checks a brand shared across copies, not the class of this copy.
   * Subclasses keep the usual check (`instanceof PlanLimitReachedError`).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && APP_ERROR_BRAND in value;
  }

  readonly [APP_ERROR_BRAND] = true;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    options: {
      messageKey?: string;
      values?: Record<string, string | number>;
      fieldErrors?: FieldErrors;
      /**
       * Field errors as translation keys (in `errors`, with `values`), translated into the user's language when
       * answered.
       */
      fieldErrorKeys?: Record<string, string>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
    this.messageKey = options.messageKey ?? code;
    this.values = options.values;
    this.fieldErrors = options.fieldErrors;
    this.fieldErrorKeys = options.fieldErrorKeys;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  readonly messageKey: string;
  readonly values?: Record<string, string | number>;
  readonly fieldErrors?: FieldErrors;
  readonly fieldErrorKeys?: Record<string, string>;
  readonly retryAfterSeconds?: number;
}

/**
 * A refusal about one field, for code that has no request at hand (services):
 * the form shows the message under `field`, in the user's language. The
 * overall message is the code's (VALIDATION_FAILED) or the same text.
 *
 *   throw fieldRefusal('CONFLICT', 'slug', 'organizations.slugTaken');
 */
export function fieldRefusal(code: ErrorCode, field: string, key: string, values?: Record<string, string | number>) {
  return new AppError(code, {
    messageKey: code === 'VALIDATION_FAILED' ? code : key,
    values,
    fieldErrorKeys: { [field]: key },
  });
}

export const CSRF_DOCS_PATH = 'docs/security/csrf.md';
