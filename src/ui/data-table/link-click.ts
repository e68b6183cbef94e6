import type { MouseEvent } from 'react';

/**
 * A plain left click on one of the table's links (a sort, a page): the table
 * handles it instead of the browser. Modified clicks (new tab…) stay the browser's.
 */
export function handledClick(event: MouseEvent, action: () => void) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  action();
}
