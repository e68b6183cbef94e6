import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LogoCloud, Testimonials } from './social-proof';

describe('social proof slots', () => {
  it('render nothing when empty (a new product has no customers to quote)', () => {
    const { container } = render(
      <>
        <LogoCloud title="Used by" logos={[]} />
        <Testimonials title="What they say" testimonials={[]} />
      </>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('show the logos and quotes they are given, each under its heading', () => {
    render(
      <>
        <LogoCloud title="Used by" logos={[{ name: 'Acme', src: '/acme.svg', width: 120, height: 32 }]} />
        <Testimonials
          title="What they say"
          testimonials={[{ quote: 'Saved us a quarter.', author: 'Ada', role: 'CTO, Acme' }]}
        />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Used by' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Acme' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What they say' })).toBeTruthy();
    expect(screen.getByText('“Saved us a quarter.”')).toBeTruthy();
    expect(screen.getByText(/CTO, Acme/)).toBeTruthy();
  });
});
