import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/platform/config/constants';
import { messageCatalog } from '@/platform/i18n/messages';
import { AUDIT_ACTIONS } from './events';

/** The log names each event twice: its sentence in a row, its label in the event filter. */
describe('every audit action', () => {
  it('has a sentence and a filter label in every language', () => {
    const missing = LOCALES.flatMap((locale) => {
      const audit = messageCatalog[locale].audit as unknown as Record<'actions' | 'labels', Record<string, object>>;
      return AUDIT_ACTIONS.flatMap((action) => {
        const [group, name] = action.split('.') as [string, string];
        return (['actions', 'labels'] as const)
          .filter((part) => typeof (audit[part][group] as Record<string, unknown> | undefined)?.[name] !== 'string')
          .map((part) => `${locale}: audit.${part}.${action}`);
      });
    });
    expect(missing).toEqual([]);
  });
});
