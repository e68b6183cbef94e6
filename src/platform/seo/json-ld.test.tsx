import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonLd, serializeJsonLd } from './json-ld';

describe('JsonLd', () => {
  it('writes the data as an ld+json script that parses back to the same value', () => {
    const data = { '@context': 'https://schema.org', '@type': 'Organization', name: 'Keel', url: 'https://x.test' };
    const { container } = render(<JsonLd data={data} />);
    const script = container.querySelector('script[type="application/ld+json"]');
    expect(script).not.toBeNull();
    expect(JSON.parse(script!.textContent!)).toEqual(data);
  });

  it('escapes "<" so a value cannot close the script element', () => {
    const data = { '@type': 'Question', name: '</script><script>alert(1)</script><!--' };
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(data);
    const { container } = render(<JsonLd data={data} />);
    expect(container.querySelectorAll('script')).toHaveLength(1);
  });
});
