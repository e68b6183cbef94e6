import { describe, expect, it } from 'vitest';
import { validateInput } from '@/platform/http/validation';
import { inviteMembersSchema, MAX_INVITATIONS_AT_ONCE } from './schemas';

const organizationId = '00000000-0000-4000-8000-000000000001';

function invite(emails: string, locale: 'en' | 'es' = 'en') {
  return validateInput(inviteMembersSchema, { organizationId, emails, role: 'member' }, locale);
}

describe('the invitation form’s addresses', () => {
  it('are split on commas, semicolons, spaces and new lines, lower-cased, without duplicates', () => {
    const result = invite('Ada@Example.com, grace@example.com;\nada@example.com  linus@example.com\n');
    expect(result).toEqual({
      ok: true,
      data: { organizationId, role: 'member', emails: ['ada@example.com', 'grace@example.com', 'linus@example.com'] },
    });
  });

  it('that are not addresses are reported once, on the emails field the user typed them in', () => {
    const result = invite('ada@example.com, nope, also@');
    expect(result).toEqual({
      ok: false,
      fieldErrors: { emails: ['Enter valid email addresses, separated by commas.'] },
    });
  });

  it('beyond the maximum are refused with a complete sentence in the user’s language', () => {
    const many = Array.from({ length: MAX_INVITATIONS_AT_ONCE + 1 }, (_, index) => `person${index}@example.com`).join(
      '\n',
    );
    const result = invite(many, 'es');
    expect(result.ok).toBe(false);
    const [message] = (result as { fieldErrors: Record<string, string[]> }).fieldErrors.emails!;
    expect(message).toMatch(/^Demasiadas direcciones/);
    expect(invite(many.split('\n').slice(1).join('\n')).ok).toBe(true);
  });

  it('are required', () => {
    expect(invite(' ,\n ')).toEqual({ ok: false, fieldErrors: { emails: ['This field is required.'] } });
  });
});
