import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicEnvSchema } from '../../src/platform/config/app-config-schema';

describe('.env.example', () => {
  it('documents every configuration variable', () => {
    const example = readFileSync('.env.example', 'utf8');
    const serverSchema = readFileSync('src/platform/config/server-config-schema.ts', 'utf8');
    const serverVariables = [...serverSchema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)]
      .map((match) => match[1]!)
      .filter((name) => name !== 'NODE_ENV');
    const variables = [
      ...Object.keys(publicEnvSchema.shape),
      ...serverVariables,
      'EMBEDDED_POSTGRES_DIR',
      'EMBEDDED_POSTGRES_PORT',
      'PORT',
    ];
    expect(serverVariables).toContain('APP_SECRET');
    expect(variables.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
  });
});
