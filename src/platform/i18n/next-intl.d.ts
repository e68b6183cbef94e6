import type { Locale } from '@/platform/config/app-config-schema';
import type { Messages } from './messages';

// Typed translations: `t('some.key')` with a key that does not exist in the
// English messages is a type error.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
