import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

/** Layers: src/app → src/features → src/platform → src/ui. Imports point down, never up. */
const noFeatureImports = {
  patterns: [
    {
      group: ['@/features/*', '**/features/*', '@/app/*'],
      message: 'src/platform and src/ui must not import features or routes: they know no feature (see docs/architecture/structure.md).',
    },
  ],
};

const config = [
  { ignores: ['.next/**', '.next-e2e/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**'] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/platform/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', noFeatureImports],
      // The same rule for import(): no way round the layers.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value=/^(@\\/(features|app)\\/|.*\\/features\\/)/]",
          message: 'src/platform and src/ui must not import features or routes, not even with import().',
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noFeatureImports.patterns,
            { group: ['@/platform/*', '**/platform/*'], message: 'src/ui holds design-system components only: no data access, no platform machinery.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/*/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Two public faces: index.ts (client-safe) and server/index.ts (server-only); and its
              // tables (server/schema.ts), which other features' tables reference in foreign keys.
              group: ['@/features/*/**', '!@/features/*/server', '!@/features/*/server/schema'],
              message: "Use another feature only through its public faces: import from '@/features/<name>' (or '@/features/<name>/server' in server code).",
            },
            { group: ['@/app/*'], message: 'Features must not import routes.' },
          ],
        },
      ],
    },
  },
];

export default config;
