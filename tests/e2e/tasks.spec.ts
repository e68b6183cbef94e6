import type { Page } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { addMember, createAccount, expect, signIn, test } from './fixtures';
import {
  expectNoSeriousA11yViolations,
  expectNoSeriousA11yViolationsInBothThemes,
  queryDatabase,
  waitForHydration,
} from './support';

/**
 * One task from creation to deletion, as the owner of an organization and as
 * one of its members; the organization's home with its figures; the form
 * without JavaScript; every page in light and dark and on a phone.
 */

const UUID_PATH = /\/tasks\/[0-9a-f-]{36}$/;

function taskIdOf(page: Page) {
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function statusInDatabase(taskId: string) {
  const [row] = await queryDatabase<{ status: string }>('select status from tasks where id = $1', [taskId]);
  return row?.status ?? null;
}

/** A task made in the database, for pages that need one (creating them is the first test's story). */
async function insertTask(
  slug: string,
  fields: { title: string; status?: string; dueDate?: string | null; assigneeEmail?: string; description?: string },
) {
  const [row] = await queryDatabase<{ id: string }>(
    `insert into tasks (organization_id, title, description, status, priority, due_date, assignee_id, created_by_id)
     select o.id, $2, $3, $4, 'high', $5, (select id from users where email = $6), (select user_id from members where organization_id = o.id and role = 'owner' limit 1)
     from organizations o where o.slug = $1 returning id`,
    [
      slug,
      fields.title,
      fields.description ?? '',
      fields.status ?? 'todo',
      fields.dueDate ?? null,
      fields.assigneeEmail ?? null,
    ],
  );
  return row!.id;
}

/** The form fields, once React has taken the form over (a click before then would post it natively). */
async function openForm(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page, '[data-testid="task-form"]');
}

test('an owner creates a task (an empty title refused at the field), edits it, assigns it to a member and changes its status in place', async ({
  page,
}) => {
  test.slow();
  const owner = await createAccount({ name: 'Olive Owner' });
  const grace = await createAccount({ name: 'Grace Hopper' });
  const { slug } = owner.organization;
  await addMember(owner.organization.id, grace);
  await signIn(page.context(), owner);

  // An organization without tasks invites to create one.
  await page.goto(`/dashboard/${slug}`);
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Create a task' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/tasks/new$`));
  await expect(page).toHaveTitle(/New task/);

  // An empty title is refused at the field, in the browser; nothing is sent.
  await waitForHydration(page, '[data-testid="task-form"]');
  await page.getByLabel('Description').fill('Gather the figures.\nWrite it up.');
  await page.getByRole('button', { name: 'Create task' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('Gather the figures.\nWrite it up.');
  expect(
    await queryDatabase('select t.id from tasks t join organizations o on o.id = t.organization_id where o.slug = $1', [
      slug,
    ]),
  ).toEqual([]);

  await page.getByLabel('Title').fill('Write the <b>launch</b> plan');
  await page.getByLabel('Priority').selectOption('high');
  await page.getByLabel('Due date').fill('2020-01-15');
  await page.getByRole('button', { name: 'Create task' }).click();

  // The task's page: the title and description as plain text, line breaks kept, the due date overdue.
  await expect(page).toHaveURL(UUID_PATH);
  const taskId = taskIdOf(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write the <b>launch</b> plan');
  await expect(page.getByTestId('task-description')).toHaveText('Gather the figures.\nWrite it up.');
  expect(await page.getByTestId('task-description').evaluate((element) => element.innerHTML)).not.toContain('<b>');
  await expect(page.getByTestId('task-due-date')).toContainText('Jan 15, 2020');
  await expect(page.getByTestId('task-due-date')).toContainText('Overdue');
  await expect(page.getByTestId('task-assignee')).toHaveText('Unassigned');
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Tasks' }),
  ).toHaveAttribute('href', `/dashboard/${slug}/tasks`);
  await expect(page).toHaveTitle(/Write the <b>launch<\/b> plan/);

  // Edit: rename it and give it to Grace.
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}/edit$`));
  await waitForHydration(page, '[data-testid="task-form"]');
  await expect(page.getByLabel('Title')).toHaveValue('Write the <b>launch</b> plan');
  await page.getByLabel('Title').fill('Write the launch plan');
  await page.getByLabel('Assignee').selectOption({ label: 'Grace Hopper' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write the launch plan');
  await expect(page.getByTestId('task-assignee')).toHaveText('Grace Hopper');

  // Someone who leaves while the form is open: the server's refusal lands under Assignee, the typed title stays.
  const [leaver] = await queryDatabase<{ id: string }>(
    `insert into users (id, name, email, email_verified, onboarded_at) values (gen_random_uuid()::text, 'Lee Leaving', $1, true, now()) returning id`,
    [`leaving-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`],
  );
  await queryDatabase(
    `insert into members (organization_id, user_id, role) select id, $2, 'member' from organizations where slug = $1`,
    [slug, leaver!.id],
  );
  await openForm(page, `/dashboard/${slug}/tasks/${taskId}/edit`);
  await page.getByLabel('Title').fill('Write the launch plan, v2');
  await page.getByLabel('Assignee').selectOption({ label: 'Lee Leaving' });
  await queryDatabase('delete from members where user_id = $1', [leaver!.id]);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Choose a member of this organization, or nobody.')).toBeVisible();
  await expect(page.getByLabel('Assignee')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title')).toHaveValue('Write the launch plan, v2');
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}/edit$`));
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));

  // The status changes in place, and stays changed.
  await waitForHydration(page, '[data-testid="task-status-control"]');
  const status = page.getByLabel('Status');
  await status.selectOption('in_progress');
  await expect(status).toHaveValue('in_progress');
  await expect.poll(() => statusInDatabase(taskId)).toBe('in_progress');
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('in_progress');

  // A refused change (the CSRF cookie is gone) goes back to the saved status and says so.
  await waitForHydration(page, '[data-testid="task-status-control"]');
  await page.context().clearCookies({ name: /keel-csrf$/ });
  await page.getByLabel('Status').selectOption('done');
  await expect(page.getByText('The status was not changed', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('in_progress');
  expect(await statusInDatabase(taskId)).toBe('in_progress');
});

test('the home page counts tasks and lists its assignee’s open ones; a member cannot delete it, the owner deletes it after confirming', async ({
  page,
  browser,
}) => {
  test.slow();
  const owner = await createAccount({ name: 'Hana Home' });
  const grace = await createAccount({ name: 'Grace Hopper' });
  const { slug } = owner.organization;
  await addMember(owner.organization.id, grace);
  const taskId = await insertTask(slug, {
    title: 'Write the launch plan',
    status: 'in_progress',
    dueDate: '2020-01-15',
    assigneeEmail: grace.email,
  });
  await insertTask(slug, { title: 'Already shipped', status: 'done' });
  await signIn(page.context(), owner);

  // The counts link to the list filtered by their status.
  await page.goto(`/dashboard/${slug}`);
  // The line under the name sums the work up from the same figures; the role is left to the sidebar.
  await expect(page.getByTestId('organization-summary')).toHaveText('1 open task, 1 in progress · 1 done');
  await expect(page.getByRole('main')).not.toContainText('Owner');
  const counts = page.getByTestId('task-counts');
  await expect(counts.getByRole('link', { name: /In progress\s*1 task/ })).toHaveAttribute(
    'href',
    `/dashboard/${slug}/tasks?status=in_progress`,
  );
  await expect(counts.getByRole('link', { name: /To do\s*0 tasks/ })).toHaveAttribute(
    'href',
    `/dashboard/${slug}/tasks?status=todo`,
  );
  await expect(counts.getByRole('link', { name: /Done\s*1 task/ })).toHaveAttribute(
    'href',
    `/dashboard/${slug}/tasks?status=done`,
  );
  await expect(page.getByTestId('recent-tasks')).toContainText('Write the launch plan');
  // It is Grace's, not the owner's.
  await expect(page.getByTestId('my-open-tasks')).toContainText('Nothing open is assigned to you.');

  // Grace, a member: the task is in her open tasks; she may edit it but not delete it.
  const memberContext = await browser.newContext({ baseURL: e2eBaseUrl, locale: 'en-US' });
  await signIn(memberContext, grace);
  const member = await memberContext.newPage();
  await member.goto(`/dashboard/${slug}`);
  const mine = member.getByTestId('my-open-tasks');
  await expect(mine.getByRole('link', { name: 'Write the launch plan' })).toBeVisible();
  await expect(mine).toContainText('Overdue');
  await waitForHydration(member, '[data-testid="my-open-tasks"]');
  // The widget reads the API when the window regains focus: that fills SWR's cache. (Focus
  // again until it does: SWR ignores focus for 5 s after mounting.)
  let refreshed = false;
  void member
    .waitForResponse((response) => response.url().includes(`/api/organizations/${slug}/tasks?`) && response.ok())
    .then(() => (refreshed = true));
  await expect
    .poll(
      async () => {
        if (!refreshed) await member.evaluate(() => window.dispatchEvent(new Event('focus')));
        return refreshed;
      },
      { timeout: 15_000, intervals: [500] },
    )
    .toBe(true);
  await mine.getByRole('link', { name: 'Write the launch plan' }).click();
  await expect(member).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await expect(member.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await waitForHydration(member, '[data-testid="task-status-control"]');
  await member.getByLabel('Status').selectOption('done');
  await expect.poll(() => statusInDatabase(taskId)).toBe('done');
  // Back home by the sidebar (a client-side navigation, SWR's cache intact), with the API cut
  // off: what shows is the server's fresh render, not the cache from before the change.
  await member.route(`**/api/organizations/${slug}/tasks?**`, (route) => route.abort());
  await member.getByRole('complementary', { name: 'Application' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(member).toHaveURL(new RegExp(`/dashboard/${slug}$`));
  await expect(member.getByTestId('my-open-tasks')).toContainText('Nothing open is assigned to you.');
  await expect(member.getByTestId('my-open-tasks').getByRole('link', { name: 'Write the launch plan' })).toHaveCount(0);
  await memberContext.close();

  // The owner deletes it, after confirming.
  await page.goto(`/dashboard/${slug}/tasks/${taskId}`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this task?' });
  await expect(dialog).toContainText('“Write the launch plan” will be deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await statusInDatabase(taskId)).toBe('done');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete task' }).click();
  // (The list's page is another change; with it, the toast "“Write the launch plan” was deleted." shows there.)
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/tasks$`), { timeout: 15_000 });
  expect(await statusInDatabase(taskId)).toBeNull();
  expect((await page.goto(`/dashboard/${slug}/tasks/${taskId}`))?.status()).toBe(404);
});

test('a task id that is not a UUID, or another organization’s task, is the 404 page', async ({ page }) => {
  test.slow();
  const owner = await createAccount({ name: 'Ona Owner' });
  const otherSlug = `other-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await queryDatabase('insert into organizations (name, slug) values ($1, $2)', ['Someone else’s team', otherSlug]);
  const theirs = await insertTask(otherSlug, { title: 'Not yours to see' });
  await signIn(page.context(), owner);
  const slug = owner.organization.slug;
  for (const path of [
    `tasks/${theirs}`,
    `tasks/${theirs}/edit`,
    'tasks/not-a-uuid',
    'tasks/not-a-uuid/edit',
    `tasks/${crypto.randomUUID()}`,
  ]) {
    const response = await page.goto(`/dashboard/${slug}/${path}`);
    expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
    await expect(page.getByText('Not yours to see')).toHaveCount(0);
  }
});

test('without JavaScript: the form says what is wrong and creates the task', async ({ browser }) => {
  const owner = await createAccount({ name: 'Nina Nojs' });
  const context = await browser.newContext({ baseURL: e2eBaseUrl, javaScriptEnabled: false, locale: 'en-US' });
  await signIn(context, owner);
  const page = await context.newPage();
  await page.goto(`/dashboard/${owner.organization.slug}/tasks/new`);
  await page.getByLabel('Description').fill('Typed before the refusal.');
  await page.getByLabel('Priority').selectOption('urgent');
  await page.getByRole('button', { name: 'Create task' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('Typed before the refusal.');
  await expect(page.getByLabel('Priority')).toHaveValue('urgent');
  await page.getByLabel('Title').fill('Made without JavaScript');
  await page.getByRole('button', { name: 'Create task' }).click();
  await expect(page).toHaveURL(UUID_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Made without JavaScript');
  await expect(page.getByTestId('task-description')).toHaveText('Typed before the refusal.');
  await context.close();
});

/** The organization's home and a task's pages, scanned on a phone and at desktop width. */
function taskPages(slug: string, taskId: string) {
  return [
    `/dashboard/${slug}`,
    `/dashboard/${slug}/tasks/new`,
    `/dashboard/${slug}/tasks/${taskId}`,
    `/dashboard/${slug}/tasks/${taskId}/edit`,
  ];
}

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the home, new, task and edit pages do not scroll sideways and pass axe in light and dark', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const owner = await createAccount({ name: 'Pia Phone' });
    const { slug } = owner.organization;
    const taskId = await insertTask(slug, {
      title: 'A task with a rather long title that has to wrap on a small phone screen',
      description: 'First line\nSecond line',
      dueDate: '2020-02-02',
      assigneeEmail: owner.email,
    });
    await insertTask(slug, { title: 'Another one', status: 'done' });
    await signIn(page.context(), owner);
    await page.context().addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
    for (const path of taskPages(slug, taskId)) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await expectNoSeriousA11yViolationsInBothThemes(page);
    }
    // The form with its errors, and the delete dialog, in dark.
    await page.context().addCookies([{ name: 'keel-theme', value: 'dark', url: baseURL! }]);
    await openForm(page, `/dashboard/${slug}/tasks/new`);
    await page.getByRole('button', { name: 'Create task' }).click();
    await expect(page.getByText('This field is required.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`/dashboard/${slug}/tasks/${taskId}`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test('axe on the pages at desktop width, light and dark, with an empty home too', async ({ page, baseURL }) => {
  test.slow();
  const owner = await createAccount({ name: 'Dana Desktop' });
  const { slug } = owner.organization;
  await signIn(page.context(), owner);
  await page.context().addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
  await page.goto(`/dashboard/${slug}`);
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
  await expectNoSeriousA11yViolationsInBothThemes(page);
  const taskId = await insertTask(slug, {
    title: 'Desktop task',
    dueDate: '2020-03-03',
    assigneeEmail: owner.email,
    description: 'Some words',
  });
  for (const path of taskPages(slug, taskId)) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolationsInBothThemes(page);
  }
});
