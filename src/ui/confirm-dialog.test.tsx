import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';

function Deletion({
  onConfirm = () => undefined,
  pending = false,
  error = null,
}: {
  onConfirm?: () => void;
  pending?: boolean;
  error?: { message: string; code?: string } | null;
}) {
  return (
    <ConfirmDialog
      trigger={<Button>Delete</Button>}
      title="Delete this task?"
      description="It cannot be undone."
      cancelLabel="Cancel"
      confirmLabel="Delete task"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      onConfirm={onConfirm}
    />
  );
}

describe('ConfirmDialog', () => {
  it('opens as a named alert dialog with focus on Cancel, and gives focus back to its trigger', async () => {
    const user = userEvent.setup();
    render(<Deletion />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this task?' });
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText('It cannot be undone.').id);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));
  });

  it('confirms with its button; Cancel only closes', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Deletion onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete task' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('while pending, stays open: the confirm button is busy, Cancel and Escape do nothing', async () => {
    const user = userEvent.setup();
    function Pending() {
      const [pending, setPending] = useState(false);
      return <Deletion pending={pending} onConfirm={() => setPending(true)} />;
    }
    render(<Pending />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete task' }));
    const busy = screen.getByRole('button', { name: 'Deleting…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog', { name: 'Delete this task?' })).toBeDefined();
  });

  it('shows a refusal above the buttons, and submits its form when given one', async () => {
    const user = userEvent.setup();
    const submitted = vi.fn();
    render(
      <ConfirmDialog
        trigger={<Button>Remove</Button>}
        title="Remove Ada?"
        description="She loses access."
        cancelLabel="Cancel"
        confirmLabel="Remove member"
        error={{ message: 'You are the only owner.', code: 'LAST_OWNER' }}
        form={(content) => (
          <form
            aria-label="removal"
            onSubmit={(event) => {
              event.preventDefault();
              submitted(new FormData(event.currentTarget).get('memberId'));
            }}
          >
            <input type="hidden" name="memberId" value="m1" />
            {content}
          </form>
        )}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('You are the only owner.');
    expect(alert.getAttribute('data-error-code')).toBe('LAST_OWNER');
    await user.click(screen.getByRole('button', { name: 'Remove member' }));
    expect(submitted).toHaveBeenCalledWith('m1');
  });
});
