import { describe, expect, it } from 'vitest';
import { demoTaskTitles } from './seed';

describe('the demo tasks', () => {
  it('never repeat a title within an organization', () => {
    const organizations = Object.entries(demoTaskTitles());
    expect(organizations.map(([slug]) => slug)).toEqual(['acme', 'globex']);
    for (const [slug, titles] of organizations) {
      const repeated = titles.filter((title, index) => titles.indexOf(title) !== index);
      expect({ slug, repeated }).toEqual({ slug, repeated: [] });
      expect(titles.length).toBeGreaterThanOrEqual(60);
    }
  });
});
