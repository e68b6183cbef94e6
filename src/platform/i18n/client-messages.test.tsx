import { screen } from '@testing-library/react';
import { type IntlError, useTranslations } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../../tests/support/components';
import { pickMessages } from './messages';
import { MessagesScope } from './messages-scope';

/*
 * A signed-in page sends the browser only the messages its client components use (docs/performance.md): the root
 * layout sends `common` and `errors`, and a page adds its own with ClientMessages (a MessagesScope in the browser).
 */
const ROOT_MESSAGES = pickMessages('es', ['common', 'errors']);

function Probe() {
  const t = useTranslations();
  return (
    <p data-testid="probe">
      {[t('common.close'), t('tasks.status.in_progress'), t('tasks.priority.urgent')].join(' · ')}
    </p>
  );
}

describe('messages per page', () => {
  it("a scope adds its messages to the layouts' above it, level by level", () => {
    const errors: IntlError[] = [];
    renderInApp(
      <MessagesScope messages={pickMessages('es', ['tasks.status'])}>
        <MessagesScope messages={pickMessages('es', ['tasks.priority'])}>
          <Probe />
        </MessagesScope>
      </MessagesScope>,
      { locale: 'es', messages: ROOT_MESSAGES, onIntlError: (error) => errors.push(error) },
    );
    expect(screen.getByTestId('probe').textContent).toBe('Cerrar · En curso · Urgente');
    expect(errors).toEqual([]);
  });
});
