'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { LOCALES, THEMES, type Locale, type Theme } from '@/platform/config/constants';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { useTheme } from '@/platform/theme/theme-provider';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { toast } from '@/ui/toast';
import { preferencesSchema } from '../../schemas';
import { updatePreferences } from '../../server/profile-actions';

const THEME_ICONS = { light: Sun, dark: Moon, system: Monitor } satisfies Record<Theme, unknown>;

/**
 * Language and theme, saved on the account. Plain radio buttons: they work
 * before JavaScript loads, and the arrow keys move between options.
 */
export function PreferencesForm({ locale, theme }: { locale: Locale; theme: Theme }) {
  const t = useTranslations('settings.preferences');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const { setTheme } = useTheme();
  const state = useActionForm({
    schema: preferencesSchema,
    action: updatePreferences,
    defaultValues: { locale, theme },
    permalink: '/settings/preferences',
    onSuccess: (saved) => {
      // The cookies are already set by the action; apply the theme now and render the page in the language.
      setTheme(saved.theme);
      // One toast however often they save, in the language the page turns to (it translates when shown).
      toast.success({ title: <SavedTitle />, kind: 'preferences-saved' });
      router.refresh();
    },
  });
  const { register } = state.form;

  return (
    <ActionForm state={state} className="grid gap-6" aria-label={t('title')}>
      <FormError state={state} fields={['locale', 'theme']} />
      <ChoiceGroup legend={t('language')}>
        {LOCALES.map((option) => (
          <Choice
            key={option}
            label={tCommon(`language.${option}`)}
            lang={option}
            input={register('locale')}
            value={option}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('theme')}>
        {THEMES.map((option) => {
          const Icon = THEME_ICONS[option];
          return (
            <Choice
              key={option}
              label={tCommon(`theme.${option}`)}
              icon={<Icon aria-hidden className="size-4" />}
              input={register('theme')}
              value={option}
            />
          );
        })}
      </ChoiceGroup>
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** Rendered by the root layout's toaster, which has only the messages every page gets (common, errors). */
function SavedTitle() {
  return useTranslations('common.notifications')('preferencesSaved');
}

function ChoiceGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-3">{children}</div>
    </fieldset>
  );
}

function Choice({
  label,
  value,
  input,
  icon,
  lang,
}: {
  label: string;
  value: string;
  input: ReturnType<ReturnType<typeof useActionForm>['form']['register']>;
  icon?: React.ReactNode;
  lang?: string;
}) {
  const id = useId();
  return (
    <label
      htmlFor={id}
      lang={lang}
      className={cn(
        'flex cursor-pointer items-center gap-3 rounded-md border bg-background px-3 py-2.5 text-sm transition-colors hover:bg-accent',
        'has-[:checked]:border-primary has-[:checked]:ring-1 has-[:checked]:ring-primary has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
      )}
    >
      <input id={id} type="radio" value={value} className="size-4 accent-primary" {...input} />
      {icon}
      {label}
    </label>
  );
}
