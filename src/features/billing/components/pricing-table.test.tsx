import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../../../tests/support/components';
import type { PricingProduct } from '../pricing';
import { PricingTable } from './pricing-table';

/** A catalogue as the server hands it over: free, a per-seat product billed monthly or yearly, contact-us. */
const products: PricingProduct[] = [
  {
    id: 'free',
    name: 'Free',
    description: 'For trying',
    features: ['Up to 3 members'],
    recommended: false,
    free: true,
    contactUs: false,
    plans: [],
  },
  {
    id: 'pro',
    name: 'Pro',
    description: 'For teams',
    features: ['Unlimited members'],
    recommended: true,
    free: false,
    contactUs: false,
    plans: [
      {
        id: 'pro-monthly',
        interval: 'month',
        currency: 'usd',
        trialDays: 14,
        lineItems: [{ type: 'per_seat', id: 'seats', amount: 1200, minimumSeats: 1 }],
      },
      {
        id: 'pro-yearly',
        interval: 'year',
        currency: 'usd',
        trialDays: 14,
        lineItems: [{ type: 'per_seat', id: 'seats', amount: 12000, minimumSeats: 1 }],
      },
    ],
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    description: 'For large organizations',
    features: ['Single sign-on'],
    recommended: false,
    free: false,
    contactUs: true,
    plans: [],
  },
];

const card = (id: string) => within(screen.getByTestId(`pricing-${id}`));

function renderTable(props: Partial<Parameters<typeof PricingTable>[0]> = {}) {
  return renderInApp(
    <PricingTable
      products={products}
      contactHref="/contact"
      renderChoice={({ plan, seats }) => <span data-testid="choice">{`${plan?.id ?? 'none'}×${seats}`}</span>}
      {...props}
    />,
  );
}

describe('PricingTable', () => {
  it('switches between monthly and yearly prices', async () => {
    const { user } = renderTable();
    expect(card('pro').getByTestId('price').textContent).toContain('$12.00');
    expect(card('pro').getByTestId('choice').textContent).toBe('pro-monthly×1');
    await user.click(screen.getByRole('switch', { name: 'Bill yearly' }));
    expect(card('pro').getByTestId('price').textContent).toContain('$120.00');
    expect(card('pro').getByTestId('price').textContent).toContain('per year');
    expect(card('pro').getByTestId('choice').textContent).toBe('pro-yearly×1');
  });

  it('has no switch when only one billing period exists', () => {
    renderTable({ products: [products[0]!, { ...products[1]!, plans: [products[1]!.plans[0]!] }] });
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('multiplies a per-seat price by the seats typed, and passes them to the choice', async () => {
    const { user } = renderTable({ initialSeats: 3 });
    const seats = screen.getByRole('spinbutton', { name: 'Seats' });
    expect(card('pro').getByTestId('price').textContent).toContain('$36.00');
    await user.clear(seats);
    await user.type(seats, '7');
    expect(card('pro').getByTestId('price').textContent).toContain('$84.00');
    expect(card('pro').getByText('$12.00 per seat × 7')).toBeDefined();
    expect(card('pro').getByTestId('choice').textContent).toBe('pro-monthly×7');
  });

  it('shows the recommended badge, the free price, and "Contact us" for contact-us products', () => {
    renderTable();
    expect(card('pro').getByText('Recommended')).toBeDefined();
    expect(card('free').queryByText('Recommended')).toBeNull();
    // A zero in the paid plans' currency: the card's name already says "Free".
    expect(card('free').getByTestId('price').textContent).toBe('$0.00 per month');
    expect(card('enterprise').getByRole('link', { name: 'Contact us' }).getAttribute('href')).toBe('/contact');
    expect(card('enterprise').queryByTestId('choice')).toBeNull();
  });

  it("names each product in a level-2 heading, the next level under the page's title", () => {
    renderTable();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Free',
      'Pro',
      'Enterprise',
    ]);
  });

  it('marks the current plan, and opens on its billing period', () => {
    renderTable({ current: { productId: 'pro', planId: 'pro-yearly' } });
    expect(card('pro').getByText('Current plan')).toBeDefined();
    expect(card('free').queryByText('Current plan')).toBeNull();
    expect(screen.getByRole('switch', { name: 'Bill yearly' }).getAttribute('aria-checked')).toBe('true');
  });

  it('marks Free as current for an organization without a subscription, in Spanish too', () => {
    renderInApp(
      <PricingTable products={products} contactHref="/contact" current={{ productId: 'free', planId: null }} />,
      { locale: 'es' },
    );
    expect(card('free').getByText('Plan actual')).toBeDefined();
    expect(card('pro').getByText('Recomendado')).toBeDefined();
    expect(card('pro').getByTestId('price').textContent).toMatch(/12,00/);
  });
});
