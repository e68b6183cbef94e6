'use client';

import { Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALES, type Locale } from '@/platform/config/constants';
import { useAction } from '@/platform/http/client/use-action';
import { Button } from '@/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/ui/dropdown-menu';
import { changeLocale } from './locale-actions';

/**
 * Lists the configured languages, each in its own name. Choosing one saves it
 * (server action → language cookie) and re-renders the page in it. Rendered
 * only when the language switcher feature flag is on.
 */
export function LanguageSwitcher() {
  const t = useTranslations('common.language');
  const locale = useLocale();
  const router = useRouter();
  const { run, pending } = useAction(changeLocale);
  const [refreshing, startRefresh] = useTransition();

  async function choose(next: Locale) {
    if (next === locale) return;
    const result = await run({ locale: next });
    if (result.ok) startRefresh(() => router.refresh());
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          aria-label={`${t('change')}: ${t(locale)}`}
          loading={pending || refreshing}
          data-testid="language-switcher"
        >
          <Languages aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{t('label')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={(value) => void choose(value as Locale)}>
          {LOCALES.map((option) => (
            <DropdownMenuRadioItem key={option} value={option} lang={option}>
              {t(option)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
