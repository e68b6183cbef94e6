import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

function ThemeMenu({ onSelect = () => undefined }: { onSelect?: (theme: string) => void }) {
  return (
    <>
      <MenuButton
        label="Theme: Light"
        icon={<span aria-hidden>☀</span>}
        heading="Theme"
        items={['Light', 'Dark', 'System'].map((theme) => ({
          id: theme,
          label: theme,
          checked: theme === 'Light',
          onSelect: () => onSelect(theme),
        }))}
      />
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('MenuButton', () => {
  it('opens from the keyboard on the first item, moves with the arrows, and Escape returns to the button', async () => {
    const user = userEvent.setup();
    render(<ThemeMenu />);
    const trigger = screen.getByRole('button', { name: 'Theme: Light' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();

    trigger.focus();
    await user.keyboard('{ArrowDown}');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: 'Light' }));
    expect(screen.getByRole('menuitemradio', { name: 'Light' }).getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: 'System' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: 'Light' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: 'System' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: 'System' }));
  });

  it('chooses with a click or Enter, closes, and a click elsewhere closes it too', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ThemeMenu onSelect={onSelect} />);
    const trigger = screen.getByRole('button', { name: 'Theme: Light' });

    await user.click(trigger);
    expect(document.activeElement).toBe(screen.getByRole('menu', { name: 'Theme: Light' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Dark' }));
    expect(onSelect).toHaveBeenLastCalledWith('Dark');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.click(trigger);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('Dark');

    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
