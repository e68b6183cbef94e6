import { z } from 'zod';
import { parseBillingConfig, type BillingConfigInput } from './billing-config-schema';
import { envBoolean, envList, envString, parseEnv } from './env-schema';

/**
 * The application's configuration: what a builder edits to make Keel theirs.
 *
 * Everything here is public — it is bundled into the browser — so it is read
 * only from `NEXT_PUBLIC_*` variables (Next.js inlines them at build time; the
 * names must appear literally below). Secrets live in `server-config.ts`.
 *
 * Defaults are in code; every scalar value can be overridden by the variable
 * next to it. Structural values (navigation, plans) are code, edited here.
 */

export * from './constants';
import { LOCALES, OAUTH_PROVIDERS, THEMES, type NavigationIcon } from './constants';

export const publicEnvSchema = z.object({
  NEXT_PUBLIC_SITE_NAME: envString('Keel').describe('a short product name, e.g. NEXT_PUBLIC_SITE_NAME="Acme".'),
  NEXT_PUBLIC_SITE_URL: envString('http://localhost:3000')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }))
    .describe('the public origin of the app, e.g. https://app.example.com (http://localhost:3000 locally).'),
  NEXT_PUBLIC_LOGO_URL: envString('').describe(
    'a path under public/ or an absolute URL of your logo, e.g. /logo.svg (empty: a mark and the site name).',
  ),
  NEXT_PUBLIC_LOGO_DARK_URL: envString('').describe(
    'the logo variant for dark backgrounds, e.g. /logo-dark.svg (empty: the same logo).',
  ),
  NEXT_PUBLIC_SITE_DESCRIPTION: envString('The open-source SaaS starter kit on Next.js and PostgreSQL.').describe(
    'one sentence used in page metadata.',
  ),
  NEXT_PUBLIC_DEFAULT_LOCALE: envString('en')
    .pipe(z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }))
    .describe('a language code that has message files in messages/, e.g. "en".'),
  NEXT_PUBLIC_BRAND_COLOR: envString('#1d4ed8')
    .pipe(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb'))
    .describe('your main brand colour, e.g. #7c3aed; text on it stays readable automatically.'),
  NEXT_PUBLIC_DEFAULT_THEME: envString('system')
    .pipe(z.enum(THEMES, { error: `must be one of ${THEMES.join(', ')}` }))
    .describe('"light", "dark" or "system".'),
  NEXT_PUBLIC_DOCS_REPOSITORY_URL: envString('https://github.com/keel-dev/keel')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }))
    .describe('the repository the guides in docs/ live in, e.g. https://github.com/acme/app ("edit this page").'),
  NEXT_PUBLIC_DOCS_BRANCH: envString('main')
    .pipe(z.string().regex(/^[\w./-]+$/, 'must be a branch name'))
    .describe('the branch the docs site links to for "edit this page" and source files, e.g. main.'),
  NEXT_PUBLIC_LEGAL_COMPANY: envString('').describe(
    'the legal entity named in the terms, privacy and cookie pages, e.g. "Acme Ltd" (empty: the site name).',
  ),
  NEXT_PUBLIC_LEGAL_EMAIL: envString('legal@example.com')
    .pipe(z.email({ error: 'must be an email address' }))
    .describe('where visitors write about the legal pages and their data, e.g. privacy@acme.com.'),
  NEXT_PUBLIC_LEGAL_UPDATED: envString('2026-12-07')
    .pipe(z.iso.date({ error: 'must be a date written YYYY-MM-DD' }))
    .describe('the date the legal pages last changed, e.g. 2026-12-07 ("Last updated" on each page).'),
  NEXT_PUBLIC_AUTH_PASSWORD: envBoolean(true).describe('"true" to allow sign-in with email and password.'),
  NEXT_PUBLIC_AUTH_MAGIC_LINK: envBoolean(true).describe('"true" to allow sign-in by emailed link.'),
  NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: envList(OAUTH_PROVIDERS, []).describe(
    `a comma-separated list of ${OAUTH_PROVIDERS.join(', ')} (each also needs its client id and secret).`,
  ),
  NEXT_PUBLIC_FEATURE_THEME_SWITCHER: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED: envBoolean(true).describe('"true" or "false".'),
});

/**
 * A menu entry. `labelKey` is a full translation key ("namespace.key"); `icon`
 * is a name from src/app/_shell/icons.ts. Adding a page to a menu is one entry.
 */
export interface NavigationItem {
  labelKey: string;
  /**
   * Where the entry leads. In the sidebar, `:organization` stands for the
   * organization being viewed ('/dashboard/:organization/members'); such
   * entries are hidden outside an organization's pages.
   */
  path: string;
  icon?: NavigationIcon;
  /** Shown only when this feature flag is on. */
  feature?: keyof AppConfig['features'];
  /**
   * Shown only to members with one of these roles in the current organization
   * (e.g. ['owner', 'admin'] for Billing). Hiding an entry is a convenience:
   * the page itself must still check the role on the server.
   */
  roles?: string[];
}

export interface NavigationSection {
  labelKey: string;
  items: NavigationItem[];
}

/**
 * What a member may do in an organization. Server code checks these (never
 * role names); the UI reads them to hide what would be refused.
 */
export const ORGANIZATION_PERMISSIONS = [
  'organization.update',
  'members.invite',
  'members.changeRole',
  'members.remove',
  'billing.manage',
  'organization.delete',
  'organization.transferOwnership',
  'tasks.delete',
  'audit.read',
] as const;
export type OrganizationPermission = (typeof ORGANIZATION_PERMISSIONS)[number];

export interface OrganizationRole {
  /** Stored in the database; its label is the translation `organizations.roles.<name>`. */
  name: string;
  permissions: readonly OrganizationPermission[];
}

/** Invitation emails allowed in an hour and in a day (sliding windows). */
const sendingBudgetSchema = z
  .object({ perHour: z.int().positive(), perDay: z.int().positive() })
  .refine((budget) => budget.perHour <= budget.perDay, 'perHour must not exceed perDay');

/**
 * How many invitation emails may go out (invites, re-invites and resends all count;
 * docs/organizations/invitations.md#budgets). Checked when the configuration loads.
 */
export const invitationBudgetSchema = z
  .object({
    /** Per organization, from all its members together. */
    organization: sendingBudgetSchema,
    /** …while the organization is younger than `newForHours`: a new organization has earned less trust. */
    newOrganization: sendingBudgetSchema,
    /** Per account, across every organization it sends from: creating more organizations does not add budget. */
    account: sendingBudgetSchema,
    /** …while the account is younger than `newForHours`. */
    newAccount: sendingBudgetSchema,
    /** How long an organization or an account counts as new. */
    newForHours: z
      .int()
      .min(0)
      .max(24 * 365),
    /** Emails to one address from one organization per day. */
    perAddressPerDay: z.int().positive(),
    /** Open invitations an organization may have at once. */
    openPerOrganization: z.int().positive(),
  })
  .refine(
    (budget) =>
      budget.newOrganization.perHour <= budget.organization.perHour &&
      budget.newOrganization.perDay <= budget.organization.perDay &&
      budget.newAccount.perHour <= budget.account.perHour &&
      budget.newAccount.perDay <= budget.account.perDay,
    'a new organization or account must not get more than an established one',
  );
export type InvitationBudgetConfig = z.output<typeof invitationBudgetSchema>;

/**
 * Organizations: roles from the highest to the lowest, and what each may do.
 * To add a role, add an entry at its rank and its label in messages/*.json
 * (docs/organizations/roles-and-permissions.md). A member acts only on members
 * whose role ranks at or below their own and grants only such roles; the first
 * role is the owner role, of which every organization keeps at least one.
 */
const ORGANIZATIONS = {
  roles: [
    { name: 'owner', permissions: ORGANIZATION_PERMISSIONS },
    {
      name: 'admin',
      permissions: [
        'organization.update',
        'members.invite',
        'members.changeRole',
        'members.remove',
        'billing.manage',
        'tasks.delete',
        'audit.read',
      ],
    },
    { name: 'member', permissions: [] },
  ] as readonly OrganizationRole[],
  /** The role an invitation offers unless the inviter picks another. */
  defaultRole: 'member',
  invitationExpiryDays: 7,
  /**
   * Invitation emails carry names the inviter chose to other people's inboxes: a new
   * account with a new organization sends little until it has been around a while.
   */
  invitationBudget: {
    organization: { perHour: 50, perDay: 200 },
    newOrganization: { perHour: 20, perDay: 50 },
    account: { perHour: 50, perDay: 200 },
    newAccount: { perHour: 20, perDay: 50 },
    newForHours: 48,
    perAddressPerDay: 5,
    openPerOrganization: 200,
  } as InvitationBudgetConfig,
  /** Slugs no organization may take (they would read like pages of the app). */
  reservedSlugs: [
    'admin',
    'api',
    'app',
    'auth',
    'billing',
    'dashboard',
    'help',
    'join',
    'login',
    'logout',
    'new',
    'onboarding',
    'organizations',
    'settings',
    'signin',
    'signup',
    'static',
    'support',
    'www',
  ] as readonly string[],
};

/**
 * Billing: what organizations can buy (docs/billing/configuring-plans.md). Amounts are in cents.
 * Each provider's price ids come from the environment variables named in `providerPriceEnv`;
 * the local gateway needs none. Names, descriptions and features are keys in messages/<locale>/billing.json.
 */
const BILLING: BillingConfigInput = {
  products: [
    {
      id: 'free',
      free: true,
      nameKey: 'billing.products.free.name',
      descriptionKey: 'billing.products.free.description',
      features: ['billing.features.members3', 'billing.features.tasks100'],
      limits: { members: 3, tasks: 100 },
    },
    {
      id: 'pro',
      recommended: true,
      nameKey: 'billing.products.pro.name',
      descriptionKey: 'billing.products.pro.description',
      features: [
        'billing.features.membersUnlimited',
        'billing.features.tasksUnlimited',
        'billing.features.prioritySupport',
      ],
      limits: { members: null, tasks: null },
      entitlements: ['priority-support'],
      plans: [
        {
          id: 'pro-monthly',
          interval: 'month',
          currency: 'usd',
          trialDays: 14,
          lineItems: [
            {
              type: 'per_seat',
              id: 'seats',
              amount: 1200,
              providerPriceEnv: {
                stripe: 'STRIPE_PRICE_PRO_MONTHLY',
                'lemon-squeezy': 'LEMON_SQUEEZY_VARIANT_PRO_MONTHLY',
              },
            },
          ],
        },
        {
          id: 'pro-yearly',
          interval: 'year',
          currency: 'usd',
          trialDays: 14,
          lineItems: [
            {
              type: 'per_seat',
              id: 'seats',
              amount: 12000,
              providerPriceEnv: {
                stripe: 'STRIPE_PRICE_PRO_YEARLY',
                'lemon-squeezy': 'LEMON_SQUEEZY_VARIANT_PRO_YEARLY',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'enterprise',
      contactUs: true,
      nameKey: 'billing.products.enterprise.name',
      descriptionKey: 'billing.products.enterprise.description',
      features: ['billing.features.everythingInPro', 'billing.features.singleSignOn', 'billing.features.auditLog'],
      limits: { members: null, tasks: null },
      entitlements: ['priority-support', 'single-sign-on', 'audit-log'],
    },
    {
      id: 'onboarding',
      type: 'add-on',
      nameKey: 'billing.products.onboarding.name',
      descriptionKey: 'billing.products.onboarding.description',
      features: ['billing.features.onboardingSession'],
      entitlements: ['guided-onboarding'],
      plans: [
        {
          id: 'onboarding-once',
          interval: 'one_off',
          currency: 'usd',
          lineItems: [
            {
              type: 'flat',
              id: 'session',
              amount: 29900,
              providerPriceEnv: {
                stripe: 'STRIPE_PRICE_ONBOARDING',
                'lemon-squeezy': 'LEMON_SQUEEZY_VARIANT_ONBOARDING',
              },
            },
          ],
        },
      ],
    },
    {
      // A legacy plan: no longer offered, its subscribers keep it. Its metered line item bills each task created
      // (a metered item's id names what it counts: docs/billing/gating-and-limits.md).
      id: 'team-2025',
      hidden: true,
      nameKey: 'billing.products.team2025.name',
      descriptionKey: 'billing.products.team2025.description',
      limits: { members: 10, tasks: null },
      plans: [
        {
          id: 'team-2025-monthly',
          interval: 'month',
          currency: 'usd',
          lineItems: [
            {
              type: 'flat',
              id: 'base',
              amount: 4900,
              providerPriceEnv: {
                stripe: 'STRIPE_PRICE_TEAM_2025_BASE',
                'lemon-squeezy': 'LEMON_SQUEEZY_VARIANT_TEAM_2025_BASE',
              },
            },
            {
              type: 'metered',
              id: 'tasks',
              unitKey: 'billing.limits.units.tasks',
              amount: 5,
              providerPriceEnv: {
                stripe: 'STRIPE_PRICE_TEAM_2025_TASKS',
                'lemon-squeezy': 'LEMON_SQUEEZY_VARIANT_TEAM_2025_TASKS',
              },
            },
          ],
        },
      ],
    },
  ],
  seatsBeyondPaid: 'raise-quantity',
};

/**
 * The audit log (docs/audit/audit-log.md): how many days an event is kept before the daily retention job deletes it.
 */
const auditConfigSchema = z.object({ retentionDays: z.int().min(1).max(3650) });
const AUDIT = { retentionDays: 365 };

/** Checks a structural value written in this file; a wrong one stops the app naming it. */
function parseConfig<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  • ${[name, ...issue.path].join('.')}: ${issue.message}`);
  throw new Error(
    ['Keel cannot start: the configuration in src/platform/config/app-config-schema.ts is invalid.', ...problems].join(
      '\n',
    ),
  );
}

/** Where the docs site (/docs) sends "edit this page" and links to source files: the repository on GitHub or alike. */
function docsLinks(repositoryUrl: string, branch: string) {
  const repository = repositoryUrl.replace(/\/+$/, '').replace(/\.git$/, '');
  return {
    repositoryUrl: repository,
    branch,
    /** Followed by a path from the repository's root, e.g. `docs/billing/stripe.md`. */
    editUrl: `${repository}/edit/${branch}/`,
    repositoryBlobUrl: `${repository}/blob/${branch}/`,
  };
}

export function buildAppConfig(values: Record<string, string | undefined>) {
  const env = parseEnv(publicEnvSchema, values);
  const siteUrl = new URL(env.NEXT_PUBLIC_SITE_URL);
  return {
    site: {
      name: env.NEXT_PUBLIC_SITE_NAME,
      url: siteUrl.origin,
      description: env.NEXT_PUBLIC_SITE_DESCRIPTION,
      logo: { light: env.NEXT_PUBLIC_LOGO_URL || undefined, dark: env.NEXT_PUBLIC_LOGO_DARK_URL || undefined },
    },
    docs: docsLinks(env.NEXT_PUBLIC_DOCS_REPOSITORY_URL, env.NEXT_PUBLIC_DOCS_BRANCH),
    /** Filled into the legal page templates (content/legal/): docs/content/legal-pages.md. */
    legal: {
      company: env.NEXT_PUBLIC_LEGAL_COMPANY || env.NEXT_PUBLIC_SITE_NAME,
      email: env.NEXT_PUBLIC_LEGAL_EMAIL,
      updated: env.NEXT_PUBLIC_LEGAL_UPDATED,
    },
    locales: {
      supported: LOCALES,
      default: env.NEXT_PUBLIC_DEFAULT_LOCALE,
    },
    theme: {
      default: env.NEXT_PUBLIC_DEFAULT_THEME,
      brandColor: env.NEXT_PUBLIC_BRAND_COLOR.toLowerCase(),
    },
    auth: {
      password: env.NEXT_PUBLIC_AUTH_PASSWORD,
      magicLink: env.NEXT_PUBLIC_AUTH_MAGIC_LINK,
      oauthProviders: env.NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS,
    },
    paths: {
      home: '/',
      contact: '/contact',
      signIn: '/auth/sign-in',
      signUp: '/auth/sign-up',
      dashboard: '/dashboard',
      settings: '/settings',
    },
    features: {
      themeSwitcher: env.NEXT_PUBLIC_FEATURE_THEME_SWITCHER,
      languageSwitcher: env.NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER,
      accountDeletion: env.NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION,
      organizationDeletion: env.NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION,
      multiFactorAuth: env.NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH,
      emailVerificationRequired: env.NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED,
    },
    navigation: {
      /**
       * The marketing site's header (its sign-in / dashboard buttons are not menu entries: see marketing-header.tsx).
       */
      marketing: [
        { labelKey: 'common.navigation.home', path: '/' },
        { labelKey: 'common.navigation.pricing', path: '/pricing' },
        { labelKey: 'marketing.navigation.faq', path: '/faq' },
        { labelKey: 'common.navigation.contact', path: '/contact' },
      ] as NavigationItem[],
      /** The marketing site's footer, in columns. */
      footer: [
        {
          labelKey: 'common.footer.groups.product',
          items: [
            { labelKey: 'common.footer.links.features', path: '/#features' },
            { labelKey: 'common.navigation.pricing', path: '/pricing' },
            { labelKey: 'common.navigation.dashboard', path: '/dashboard' },
            { labelKey: 'blog.index.title', path: '/blog' },
          ],
        },
        {
          labelKey: 'common.footer.groups.company',
          items: [
            { labelKey: 'marketing.navigation.faq', path: '/faq' },
            { labelKey: 'common.footer.links.contact', path: '/contact' },
          ],
        },
        {
          labelKey: 'legal.footer.title',
          items: [
            { labelKey: 'legal.footer.terms', path: '/legal/terms' },
            { labelKey: 'legal.footer.privacy', path: '/legal/privacy' },
            { labelKey: 'legal.footer.cookies', path: '/legal/cookies' },
          ],
        },
      ] as NavigationSection[],
      /** The application's sidebar, in sections. */
      sidebar: [
        {
          // The pages of the organization being viewed (`:organization` is its slug).
          labelKey: 'app.sidebar.sections.workspace',
          items: [
            { labelKey: 'app.nav.dashboard', path: '/dashboard/:organization', icon: 'dashboard' },
            { labelKey: 'app.nav.tasks', path: '/dashboard/:organization/tasks', icon: 'tasks' },
            { labelKey: 'app.nav.members', path: '/dashboard/:organization/members', icon: 'members' },
            { labelKey: 'billing.page.navLabel', path: '/dashboard/:organization/billing', icon: 'billing' },
            {
              labelKey: 'app.nav.organizationSettings',
              path: '/dashboard/:organization/settings',
              icon: 'organization',
            },
            {
              labelKey: 'audit.organization.title',
              path: '/dashboard/:organization/settings/audit',
              icon: 'audit',
              roles: ['owner', 'admin'],
            },
          ],
        },
        {
          labelKey: 'app.sidebar.sections.account',
          items: [{ labelKey: 'app.nav.settings', path: '/settings', icon: 'settings' }],
        },
      ] as NavigationSection[],
    },
    organizations: {
      ...ORGANIZATIONS,
      invitationBudget: parseConfig(
        'organizations.invitationBudget',
        invitationBudgetSchema,
        ORGANIZATIONS.invitationBudget,
      ),
    },
    billing: parseBillingConfig(BILLING),
    audit: parseConfig('audit', auditConfigSchema, AUDIT),
  };
}

export type AppConfig = ReturnType<typeof buildAppConfig>;
