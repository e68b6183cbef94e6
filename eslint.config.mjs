import { readdirSync } from 'node:fs';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

/** Layers: src/app → src/features → src/platform → src/ui. Imports point down, never up. */
const noFeatureImports = {
  patterns: [
    {
      group: ['@/features/*', '**/features/*', '@/app/*'],
      message:
        'src/platform and src/ui must not import features or routes: they know no feature (see docs/architecture/structure.md).',
    },
  ],
};

/**
 * Feature boundaries (decision 0025): outside a feature, only its faces —
 * `@/features/<name>`, `…/server`, `…/server/public` (public pages' light part,
 * decision 0063), `…/components/<file>`, `…/server/schema`, and `…/server/seed`
 * for scripts and tests. Written as regular expressions so the
 * relative paths scripts use (`../src/features/…`) are held to the same rule.
 */
const FEATURE = String.raw`^(?:@|(?:\.\.?/)+src)/features/`;
const FACES = String.raw`(?:server|server/public|server/schema|server/seed|components/.+)$`;
const insideFeature = (except) => ({
  regex: `${FEATURE}${except ? `(?!${except}/)` : ''}[^/]+/(?!${FACES}).+`,
  message:
    "Reach a feature only through its faces: '@/features/<name>', '@/features/<name>/server', " +
    "'@/features/<name>/components/<file>' (decision 0025, docs/architecture/structure.md).",
});
const seedOutsideTooling = {
  regex: `${FEATURE}[^/]+/server/seed$`,
  message: 'Demo data (server/seed) is for scripts and tests only.',
};
/** Routes get data through features: no database, no tables, no query builder in src/app. */
const noDataAccess = [
  {
    group: ['@/platform/db', '@/platform/db/*', 'drizzle-orm', 'drizzle-orm/*'],
    message: "Routes never touch the database: call the feature's server code (decision 0025).",
  },
  {
    regex: `${FEATURE}[^/]+/server/schema$`,
    message: "Routes never touch tables: call the feature's server code (decision 0025).",
  },
];
const featuresNoRoutes = { group: ['@/app/*'], message: 'Features must not import routes.' };
/** The same rule for import(): the selector matches a source the regex above forbids. */
const importExpression = ({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
  message: `${message} (also for import())`,
});
const boundaries = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
  'no-restricted-syntax': ['error', ...patterns.filter((pattern) => pattern.regex).map(importExpression)],
});

const featureNames = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureBoundaries = [
  { files: ['src/app/**'], rules: boundaries([insideFeature(), seedOutsideTooling, ...noDataAccess]) },
  { files: ['src/*.ts', 'src/*.tsx'], rules: boundaries([insideFeature(), seedOutsideTooling]) },
  { files: ['scripts/**', 'tests/**'], rules: boundaries([insideFeature()]) },
  // A feature's own integration tests may open it: they test its internals on purpose.
  ...featureNames.map((name) => ({
    files: [`tests/integration/${name}/**`],
    rules: boundaries([insideFeature(name)]),
  })),
  // Between features: the same faces; a feature's own files use relative imports.
  ...featureNames.map((name) => ({
    files: [`src/features/${name}/**`],
    rules: boundaries([insideFeature(name), seedOutsideTooling, featuresNoRoutes]),
  })),
];

const config = [
  {
    ignores: [
      '.next/**',
      // Every build folder (NEXT_DIST_DIR: the e2e suite, the benchmarks, Lighthouse).
      '.next-*/**',
      '.content-collections/**',
      'bench/bare-next/.next/**',
      'node_modules/**',
      '.data/**',
      'drizzle/**',
      'next-env.d.ts',
      'test-results/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // Prettier breaks code at 120 characters; this catches the comments it leaves long. Strings,
      // template literals (SQL), regular expressions and URLs may run on.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
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
          selector: 'ImportExpression[source.value=/^(@\\/(features|app)\\/|.*\\/features\\/)/]',
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
            {
              group: ['@/platform/*', '**/platform/*'],
              message: 'src/ui holds design-system components only: no data access, no platform machinery.',
            },
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
];

export default config;
