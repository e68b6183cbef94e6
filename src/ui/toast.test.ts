import { afterEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, getToasts, toast } from './toast';

describe('toast store', () => {
  afterEach(() => {
    dismissToast();
    vi.runAllTimers();
    vi.useRealTimers();
  });

  it('adds, updates, closes and then removes toasts', () => {
    vi.useFakeTimers();
    const saved = toast({ title: 'Saved' });
    const failed = toast.error({ title: 'Failed' });
    expect(saved.id).not.toBe(failed.id);
    expect(getToasts().map((t) => [t.title, t.variant, t.open])).toEqual([
      ['Saved', undefined, true],
      ['Failed', 'destructive', true],
    ]);

    saved.update({ description: 'All changes stored' });
    expect(getToasts()[0]?.description).toBe('All changes stored');

    saved.dismiss();
    expect(getToasts()[0]?.open).toBe(false);
    vi.runAllTimers();
    expect(getToasts().map((t) => t.id)).toEqual([failed.id]);

    dismissToast();
    vi.runAllTimers();
    expect(getToasts()).toEqual([]);
  });

  it('keeps only the most recent toasts', () => {
    vi.useFakeTimers();
    for (let i = 1; i <= 8; i += 1) toast.success({ title: `Toast ${i}` });
    expect(getToasts().map((t) => t.title)).toEqual(['Toast 4', 'Toast 5', 'Toast 6', 'Toast 7', 'Toast 8']);
  });

  it('shows one toast per kind: a new one replaces the one on screen', () => {
    vi.useFakeTimers();
    for (let i = 1; i <= 4; i += 1) toast.success({ title: 'Saved' });
    toast.success({ title: 'Other' });
    toast({ title: 'Guardado', kind: 'preferences-saved' });
    toast({ title: 'Saved in English', kind: 'preferences-saved' });
    toast.error({ title: 'Saved' });
    expect(getToasts().map((t) => [t.title, t.variant])).toEqual([
      ['Saved', 'success'],
      ['Other', 'success'],
      ['Saved in English', undefined],
      ['Saved', 'destructive'],
    ]);
  });
});
