import { z } from 'zod';

/**
 * Shared pieces for reading configuration from environment variables.
 * Both the public (client-safe) and the server-only configuration use them, so
 * a wrong value is reported the same way everywhere: the variable, what is
 * wrong, what was received and how to fix it.
 */

const DOCS_ENV_GUIDE = 'docs/configuration/environment-variables.md';

/** "true"/"false"/"1"/"0"/"yes"/"no" (any case); anything else is an error naming the variable. */
export function envBoolean(defaultValue: boolean) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue;
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be "true" or "false"' });
      return z.NEVER;
    });
}

/** An optional string where an empty value counts as "not set". */
export function envString(defaultValue: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? defaultValue : value));
}

/** A comma-separated list, each item one of `allowed`. */
export function envList<const T extends string>(allowed: readonly T[], defaultValue: T[]) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return defaultValue;
      const items = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `has unknown value(s) ${unknown.map((u) => `"${u}"`).join(', ')}; allowed: ${allowed.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    });
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      [
        'Keel cannot start: the configuration is invalid.',
        ...problems.map((problem) => `  • ${problem}`),
        `Set the variable(s) in .env.local (see .env.example) or in your host's environment. Every variable is described in ${DOCS_ENV_GUIDE}.`,
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses `values` (keyed by variable name) with `schema`. On failure throws a
 * ConfigError whose lines name each variable, the problem, the received value
 * (hidden for secrets) and the hint the schema gives in `.describe()`.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  values: Record<string, string | undefined>,
  secretKeys: readonly string[] = [],
): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(unknown)');
    const raw = values[key];
    const received =
      raw === undefined || raw === ''
        ? 'it is not set'
        : secretKeys.includes(key)
          ? 'the value is hidden because it is a secret'
          : `got "${raw}"`;
    const field = schema.shape[key] as z.ZodType | undefined;
    const hint = field?.description ? ` Fix: ${field.description}` : '';
    return `${key} ${issue.message} (${received}).${hint}`;
  });
  throw new ConfigError(problems);
}
