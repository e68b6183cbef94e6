import { describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';

describe('AppError', () => {
  it('is recognised when another copy of its module made it, as Next.js bundles do', async () => {
    vi.resetModules();
    const copy = await import('./errors');
    expect(copy.AppError).not.toBe(AppError);
    expect(new copy.AppError('NOT_FOUND')).toBeInstanceOf(AppError);
    expect(new AppError('NOT_FOUND')).toBeInstanceOf(copy.AppError);
    expect(new Error('NOT_FOUND')).not.toBeInstanceOf(AppError);
    expect({ code: 'NOT_FOUND' }).not.toBeInstanceOf(AppError);
  });

  it('leaves subclasses their own identity', () => {
    class TeapotError extends AppError {}
    expect(new TeapotError('NOT_FOUND')).toBeInstanceOf(AppError);
    expect(new TeapotError('NOT_FOUND')).toBeInstanceOf(TeapotError);
    expect(new AppError('NOT_FOUND')).not.toBeInstanceOf(TeapotError);
  });
});
