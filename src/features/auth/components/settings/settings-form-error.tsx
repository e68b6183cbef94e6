'use client';

import type { ActionResult } from '@/platform/http/errors';
import { FORM_ERROR_KEY } from '@/platform/http/validation-keys';
import { Alert, AlertDescription } from '@/ui/alert';

/**
 * The error of a settings form that is not about one of its fields (rate
 * limit, expired session, server failure). Errors about the form's own
 * `fields` show under those fields only, so the same sentence never appears
 * twice.
 */
export function SettingsFormError({ result, fields, className }: { result: ActionResult<unknown> | null; fields: string[]; className?: string }) {
  if (!result || result.ok) return null;
  if (Object.keys(result.error.fieldErrors ?? {}).some((key) => fields.includes(key))) return null;
  const formMessages = result.error.fieldErrors?.[FORM_ERROR_KEY] ?? [];
  return (
    <Alert variant="destructive" className={className} data-error-code={result.error.code}>
      <AlertDescription>
        <p>{result.error.message}</p>
        {formMessages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}
