import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTO_REFRESH_MAX_TRIES, AutoRefresh, refreshDelay } from './auto-refresh';

const router = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

afterEach(() => {
  vi.useRealTimers();
  router.refresh.mockClear();
});

describe('AutoRefresh', () => {
  it('refreshes fast, then slowly, then stops', () => {
    expect(refreshDelay(0)).toBe(1000);
    expect(refreshDelay(19)).toBe(1000);
    expect(refreshDelay(20)).toBe(5000);
    expect(refreshDelay(AUTO_REFRESH_MAX_TRIES - 1)).toBe(5000);
    expect(refreshDelay(AUTO_REFRESH_MAX_TRIES)).toBeNull();
  });

  it('refreshes the page a bounded number of times and then shows the calm message for good', () => {
    vi.useFakeTimers();
    render(
      <AutoRefresh slow={<p>reload later</p>}>
        <p>processing</p>
      </AutoRefresh>,
    );
    expect(screen.getByText('processing')).toBeDefined();
    // Each refresh schedules the next after rendering: step through an hour, five seconds at a time.
    for (let step = 0; step < 720; step += 1)
      act(() => {
        vi.advanceTimersByTime(5000);
      });
    expect(router.refresh).toHaveBeenCalledTimes(AUTO_REFRESH_MAX_TRIES);
    expect(screen.getByText('reload later')).toBeDefined();
  });
});
