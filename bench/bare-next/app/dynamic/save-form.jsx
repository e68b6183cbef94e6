'use client';

import { useActionState } from 'react';
import { save } from './actions';

/** One form with a client component and a server action, as a page with a form has at least. */
export function SaveForm() {
  const [state, action, pending] = useActionState(
    (_previous, formData) => save({ title: formData.get('title') }),
    null,
  );
  return (
    <form action={action}>
      <label>
        Title <input name="title" required />
      </label>
      <button type="submit" disabled={pending}>
        Save
      </button>
      {state?.ok ? <p role="status">Saved {state.data.title}</p> : null}
    </form>
  );
}
