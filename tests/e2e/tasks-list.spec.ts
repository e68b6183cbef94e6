import type { Locator, Page } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { expect as baseExpect, createOrganization, createPerson, signIn, test } from './fixtures';
import { anotherNetwork, expectNoSeriousA11yViolations, holdScripts, queryDatabase, waitForHydration } from './support';

/*
 * The tasks list as its users meet it: an organization with 60 tasks put
 * straight into the database, then filters, search, sort and pages that live
 * in the URL (shared, walked back), actions on selected rows, the "Find a
 * task" box, and the page's look (axe, dark, 375 px, without JavaScript).
 */

// Every filter, sort or page is a server render: on a busy machine one can take longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const STATUSES = ['todo', 'in_progress', 'done', 'canceled'] as const;
const STATUS_LABELS = { todo: 'To do', in_progress: 'In progress', done: 'Done', canceled: 'Canceled' } as const;
const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

interface SeededTask {
  id: string;
  title: string;
  status: (typeof STATUSES)[number];
  priority: (typeof PRIORITIES)[number];
  dueDate: string | null;
  assignee: 'owner' | 'member' | null;
}

/**
 * Task n (1–60): "Task 07 charlie"; task 17 is the only "zeppelin". Status,
 * priority, due date and assignee vary with n; creation times are a
 * permutation of the titles' order, so the default order (newest first) is
 * not the title order.
 */
function taskSpec(n: number): Omit<SeededTask, 'id'> & { createdHoursAgo: number } {
  const day = new Date(Date.UTC(2030, 0, 1 + n)).toISOString().slice(0, 10);
  return {
    title: `Task ${String(n).padStart(2, '0')} ${n === 17 ? 'zeppelin' : WORDS[n % WORDS.length]}`,
    status: STATUSES[n % 4]!,
    priority: PRIORITIES[Math.floor(n / 4) % 4]!,
    dueDate: n % 5 === 0 ? null : day,
    assignee: n % 3 === 1 ? 'owner' : n % 3 === 2 ? 'member' : null,
    createdHoursAgo: (n * 7) % 60,
  };
}

/** An owner (signed in on `page`) of a new organization holding `count` tasks, with a member. */
async function organizationWithTasks(page: Page, count = 60) {
  const [owner, member] = await Promise.all([
    createPerson({ name: 'Olive Owner' }),
    createPerson({ name: 'Grace Hopper' }),
  ]);
  const organization = await createOrganization([
    [owner, 'owner'],
    [member, 'member'],
  ]);
  // One statement for all of them.
  const specs = Array.from({ length: count }, (_, index) => taskSpec(index + 1));
  const assigneeOf = (spec: ReturnType<typeof taskSpec>) =>
    spec.assignee === 'owner' ? owner.id : spec.assignee === 'member' ? member.id : null;
  const rows = await queryDatabase<{ id: string; title: string }>(
    `insert into tasks (organization_id, title, status, priority, due_date, assignee_id, created_by_id, created_at, updated_at)
     select $1, title, status::task_status, priority::task_priority, due_date::date, assignee_id, $2, now() - make_interval(hours => hours), now() - make_interval(hours => hours)
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) as seed(title, status, priority, due_date, assignee_id, hours)
     returning id, title`,
    [
      organization.id,
      owner.id,
      specs.map((spec) => spec.title),
      specs.map((spec) => spec.status),
      specs.map((spec) => spec.priority),
      specs.map((spec) => spec.dueDate),
      specs.map(assigneeOf),
      specs.map((spec) => spec.createdHoursAgo),
    ],
  );
  const idOf = new Map(rows.map((row) => [row.title, row.id]));
  const tasks: SeededTask[] = specs.map(({ createdHoursAgo: _, ...spec }) => ({ ...spec, id: idOf.get(spec.title)! }));
  await signIn(page.context(), owner);
  const slug = organization.slug;
  return { owner, member, slug, organizationId: organization.id, tasks, listPath: `/dashboard/${slug}/tasks` };
}

/** The default order: newest first. */
function newestFirst(tasks: SeededTask[]) {
  return [...tasks].sort((a, b) => taskSpecOf(a).createdHoursAgo - taskSpecOf(b).createdHoursAgo);
}
function taskSpecOf(task: SeededTask) {
  return taskSpec(Number(task.title.slice(5, 7)));
}

function table(page: Page) {
  return page.getByRole('table', { name: /^Tasks of / });
}

/** The titles of the rows shown, in order (each row's header cell). */
function titles(page: Page) {
  return table(page).getByRole('rowheader');
}

/** Each row's status badge (the second data cell, after the checkbox). */
function statuses(page: Page) {
  return table(page).locator('tbody tr > td:nth-of-type(2)');
}

async function openList(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page, 'form[role="search"]');
  await expect(table(page)).not.toHaveAttribute('aria-busy', 'true');
}

/** Opens a filter checklist (Status, Priority) and toggles one of its values. */
async function toggleFilter(page: Page, filter: 'Status' | 'Priority', value: string) {
  const checklist = page.locator('details').filter({ has: page.locator('summary', { hasText: filter }) });
  if (!(await checklist.evaluate((element) => (element as HTMLDetailsElement).open)))
    await checklist.locator('summary').click();
  await checklist.getByRole('checkbox', { name: value, exact: true }).click();
}

/** Chooses a day on the calendar of the date field labelled `label` (year and month from its dropdowns). */
async function pickDay(page: Page, label: string, day: string, calendarName = 'Choose a day') {
  await page.getByLabel(label).click();
  const calendar = page.getByRole('dialog', { name: calendarName });
  const [year, month] = day.split('-');
  await calendar.locator('select').nth(1).selectOption(year!);
  await calendar
    .locator('select')
    .nth(0)
    .selectOption(String(Number(month) - 1));
  await calendar.locator(`[data-day="${day}"] button`).click();
  await expect(calendar).toBeHidden();
}

/** Waits until the list shows exactly these titles (after any loading). */
async function expectTitles(page: Page, expected: string[]) {
  await expect(table(page)).not.toHaveAttribute('aria-busy', 'true');
  await expect(titles(page)).toHaveText(expected);
}

function pagination(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Pages of tasks' });
}

test('filters and search narrow the list; the URL holds them and Back undoes them one by one', async ({ page }) => {
  test.setTimeout(90_000);
  const { tasks, listPath } = await organizationWithTasks(page);
  await openList(page, listPath);
  await expectTitles(
    page,
    newestFirst(tasks)
      .slice(0, 25)
      .map((task) => task.title),
  );
  await expect(pagination(page)).toContainText('1–25 of 60');

  await toggleFilter(page, 'Status', 'To do');
  await expect(page).toHaveURL(/\?status=todo$/);
  const todo = newestFirst(tasks).filter((task) => task.status === 'todo');
  await expectTitles(
    page,
    todo.map((task) => task.title),
  );
  await expect(statuses(page)).toHaveText(todo.map(() => 'To do'));
  await expect(pagination(page)).toContainText(`1–${todo.length} of ${todo.length}`);

  // Each change its own history entry: the second waits for the first to reach the URL (two clicks
  // inside one navigation make one entry, and Back would then undo both).
  await toggleFilter(page, 'Priority', 'Urgent');
  await expect(page).toHaveURL(/\?status=todo&priority=urgent$/);
  await toggleFilter(page, 'Priority', 'High');
  await expect(page).toHaveURL(/\?status=todo&priority=high%2Curgent$/);
  const urgentTodo = todo.filter((task) => task.priority === 'urgent' || task.priority === 'high');
  expect(urgentTodo.length).toBeGreaterThan(1);
  await expectTitles(
    page,
    urgentTodo.map((task) => task.title),
  );
  await expect(page.locator('summary', { hasText: 'Priority' })).toHaveText('Priority: 2');
  await page.keyboard.press('Escape');

  // Back: one filter value at a time, the controls following the URL.
  await page.goBack();
  await expect(page).toHaveURL(/\?status=todo&priority=urgent$/);
  await expectTitles(
    page,
    todo.filter((task) => task.priority === 'urgent').map((task) => task.title),
  );
  await expect(page.locator('summary', { hasText: 'Priority' })).toHaveText('Priority: 1');

  // Search: typing pauses, the URL follows, page 1 of the matches.
  await page.goto(listPath);
  await waitForHydration(page, 'form[role="search"]');
  await page.getByLabel('Search tasks').fill('zeppelin');
  await expect(page).toHaveURL(/\?q=zeppelin$/);
  await expectTitles(page, ['Task 17 zeppelin']);
  await page.getByLabel('Search tasks').fill('nothing like this');
  await expect(page).toHaveURL(/\?q=nothing\+like\+this$/);
  await expect(page.getByRole('heading', { name: 'No tasks match' })).toBeVisible();
  // One typing session is one history entry: Back leaves the search altogether.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${listPath}$`));
  await expect(page.getByLabel('Search tasks')).toHaveValue('');
  await expect(titles(page)).toHaveCount(25);
  await page.goForward();
  await expect(page).toHaveURL(/\?q=nothing\+like\+this$/);
  await expect(page.getByLabel('Search tasks')).toHaveValue('nothing like this');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(new RegExp(`${listPath}$`));
  await expect(page.getByLabel('Search tasks')).toHaveValue('');
  await expect(titles(page)).toHaveCount(25);

  // Assignee "Me" and a due range.
  await page.getByLabel('Assignee').selectOption({ label: 'Me' });
  await expect(page).toHaveURL(/\?assignee=/);
  await pickDay(page, 'Due from', '2030-01-10');
  await expect(page.getByLabel('Due from')).toHaveText('01/10/2030');
  await pickDay(page, 'Due until', '2030-01-20');
  await expect(page).toHaveURL(/&due\.from=2030-01-10&due\.to=2030-01-20$/);
  const mineInRange = newestFirst(tasks).filter(
    (task) => task.assignee === 'owner' && task.dueDate && task.dueDate >= '2030-01-10' && task.dueDate <= '2030-01-20',
  );
  await expectTitles(
    page,
    mineInRange.map((task) => task.title),
  );
});

test('sorting and pages: a shared URL shows the same rows and controls, Back returns to the previous page', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { tasks, listPath } = await organizationWithTasks(page);
  const byTitle = [...tasks].map((task) => task.title).sort();
  await openList(page, listPath);

  const titleHeader = page.getByRole('columnheader', { name: 'Title' });
  await titleHeader.getByRole('link').click();
  await expect(page).toHaveURL(/\?sort=title$/);
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expectTitles(page, byTitle.slice(0, 25));

  await titleHeader.getByRole('link').click();
  await expect(page).toHaveURL(/\?sort=-title$/);
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = [...byTitle].reverse();
  await expectTitles(page, descending.slice(0, 25));

  await pagination(page).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\?sort=-title&page=2$/);
  await expectTitles(page, descending.slice(25, 50));
  await expect(pagination(page)).toContainText('26–50 of 60');

  await pagination(page).getByLabel('Rows per page').selectOption('10');
  // Another page size starts again at page 1.
  await expect(page).toHaveURL(/\?sort=-title&pageSize=10$/);
  await expectTitles(page, descending.slice(0, 10));
  await expect(pagination(page)).toContainText('Page 1 of 6');
  await pagination(page).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\?sort=-title&pageSize=10&page=2$/);
  await expectTitles(page, descending.slice(10, 20));

  // The address, opened afresh, shows the same rows and the same controls.
  const shared = await page.context().newPage();
  await openList(shared, page.url());
  await expectTitles(shared, descending.slice(10, 20));
  await expect(shared.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect(pagination(shared).getByLabel('Rows per page')).toHaveValue('10');
  await expect(pagination(shared)).toContainText('Page 2 of 6');
  await shared.close();

  // Back, twice: page 1 of ten, then page 2 of twenty-five.
  await page.goBack();
  await expect(page).toHaveURL(/\?sort=-title&pageSize=10$/);
  await expectTitles(page, descending.slice(0, 10));
  await page.goBack();
  await expect(page).toHaveURL(/\?sort=-title&page=2$/);
  await expectTitles(page, descending.slice(25, 50));
  await expect(pagination(page).getByLabel('Rows per page')).toHaveValue('25');
});

test('the owner changes the status of selected tasks and deletes some after confirming; the database agrees', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { tasks, listPath, organizationId } = await organizationWithTasks(page, 12);
  const shown = newestFirst(tasks);
  await openList(page, listPath);

  const changing = shown.filter((task) => task.status !== 'done').slice(0, 3);
  for (const task of changing) await page.getByRole('checkbox', { name: `Select ${task.title}` }).click();
  const bar = page.getByRole('group', { name: 'Selected tasks' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: 'Done' }).click();
  await expect(page.getByText('3 tasks are now “Done”.', { exact: true })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(statuses(page)).toHaveText(
    shown.map((task) => (changing.includes(task) ? 'Done' : STATUS_LABELS[task.status])),
  );
  const changed = await queryDatabase<{ status: string }>('select status from tasks where id = any($1::uuid[])', [
    changing.map((task) => task.id),
  ]);
  expect(changed.map((row) => row.status)).toEqual(['done', 'done', 'done']);

  // Select all on the page, then all but two: delete those two.
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).click();
  await expect(bar).toContainText('12 selected');
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).click();
  await expect(bar).toBeHidden();
  const deleting = shown.slice(4, 6);
  for (const task of deleting) await page.getByRole('checkbox', { name: `Select ${task.title}` }).click();
  await bar.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 tasks?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await queryDatabase('select id from tasks where organization_id = $1', [organizationId])).toHaveLength(12);

  await bar.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete 2 tasks' }).click();
  await expect(page.getByText('2 tasks deleted.', { exact: true })).toBeVisible();
  await expectTitles(
    page,
    shown.filter((task) => !deleting.includes(task)).map((task) => task.title),
  );
  const left = await queryDatabase<{ id: string }>('select id from tasks where organization_id = $1', [organizationId]);
  expect(left.map((row) => row.id).sort()).toEqual(
    shown
      .filter((task) => !deleting.includes(task))
      .map((task) => task.id)
      .sort(),
  );
});

test('a member may change statuses but is offered no delete; a refused change is rolled back with a message', async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const { member, tasks, listPath, organizationId } = await organizationWithTasks(page, 6);
  const memberContext = await browser.newContext({
    baseURL: e2eBaseUrl,
    locale: 'en-US',
    extraHTTPHeaders: anotherNetwork(),
  });
  await signIn(memberContext, member);
  const memberPage = await memberContext.newPage();
  await openList(memberPage, listPath);

  const task = newestFirst(tasks).find((candidate) => candidate.status === 'todo')!;
  await memberPage.getByRole('checkbox', { name: `Select ${task.title}` }).click();
  const bar = memberPage.getByRole('group', { name: 'Selected tasks' });
  await expect(bar).toContainText('1 selected');
  await expect(bar.getByRole('button', { name: 'Change status' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // Removed from the organization meanwhile: the server refuses, the row shows its status again.
  await queryDatabase('delete from members where organization_id = $1 and user_id = $2', [organizationId, member.id]);
  await bar.getByRole('button', { name: 'Change status' }).click();
  await memberPage.getByRole('menuitem', { name: 'Canceled' }).click();
  await expect(memberPage.getByText('The status was not changed.', { exact: true })).toBeVisible();
  const row = memberPage.getByRole('row').filter({ has: memberPage.getByRole('rowheader', { name: task.title }) });
  await expect(row.locator('td:nth-of-type(2)')).toHaveText('To do');
  expect(await queryDatabase('select status from tasks where id = $1', [task.id])).toEqual([{ status: 'todo' }]);
  await memberContext.close();
});

test('"Find a task" searches as you type, moves with the arrow keys and opens the task', async ({ page }) => {
  test.setTimeout(90_000);
  const { tasks, listPath, slug } = await organizationWithTasks(page, 30);
  await openList(page, listPath);

  await page.getByRole('button', { name: 'Find a task' }).click();
  const finder = page.getByRole('dialog', { name: 'Find a task' });
  // Before typing: the latest changed tasks.
  await expect(finder.getByRole('group', { name: 'Recently updated' })).toBeVisible();
  await finder.getByRole('combobox').fill('zeppelin');
  await expect(finder.getByRole('option')).toHaveCount(1);
  await expect(finder.getByRole('option')).toContainText(
    ['Task 17 zeppelin', STATUS_LABELS[taskSpec(17).status]].join(''),
  );
  await finder.getByRole('combobox').fill('no such task at all');
  await expect(finder.getByText('No task matches “no such task at all”.')).toBeVisible();

  // "Task 1" matches Task 10 to Task 19; the second of them, newest first, is opened with the keyboard.
  await finder.getByRole('combobox').fill('Task 1');
  const matching = newestFirst(tasks).filter((task) => task.title.startsWith('Task 1'));
  await expect(finder.getByRole('option')).toHaveCount(matching.length);
  await expect(finder.getByRole('option').first()).toContainText(matching[0]!.title);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/tasks/${matching[1]!.id}$`));
});

test('the list looks right: no axe violations in light and dark, usable at 375 px, empty states, a calm message for a bad URL', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { listPath, slug } = await organizationWithTasks(page, 30);
  await openList(page, listPath);
  await expectNoSeriousA11yViolations(page);
  await toggleFilter(page, 'Status', 'Done');
  await expect(page).toHaveURL(/status=done/);
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).click();
  await expect(page.getByRole('group', { name: 'Selected tasks' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  await openList(page, listPath);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // 375 px: the page does not scroll sideways (the table may, inside its own box), and its controls are reachable.
  await page.setViewportSize({ width: 375, height: 740 });
  await openList(page, listPath);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await expect(page.getByLabel('Search tasks')).toBeInViewport();
  await expect(page.getByRole('link', { name: 'New task' })).toBeInViewport();
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).click();
  const bar = page.getByRole('group', { name: 'Selected tasks' });
  await expect(bar).toBeInViewport();
  const box = (await bar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A URL the list cannot honour: each bad parameter named, a way back, no error page.
  const response = await page.goto(`${listPath}?status=todo,bogus&due.from=2030-02-01&due.to=not-a-date&pageSize=7`);
  expect(response?.status()).toBe(200);
  const alert = page.getByTestId('invalid-tasks-query');
  await expect(alert).toContainText('This address asks for a list we cannot show');
  await expect(alert.getByRole('listitem')).toHaveText([
    'pageSize Choose one of the listed options.',
    'status Choose one of the listed options.',
    'due.to Enter a date as YYYY-MM-DD.',
  ]);
  await expectNoSeriousA11yViolations(page);
  await alert.getByRole('link', { name: 'Show all tasks' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/tasks$`));
  await expect(titles(page)).toHaveCount(25);

  // An organization without tasks invites to create the first one.
  await queryDatabase('delete from tasks where organization_id = (select id from organizations where slug = $1)', [
    slug,
  ]);
  await openList(page, listPath);
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create the first task' })).toHaveAttribute(
    'href',
    `/dashboard/${slug}/tasks/new`,
  );
});

test('before JavaScript loads (its files blocked), the list renders, and its filters, sort links and pages work as plain forms and links', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const setup = await browser.newPage();
  const { owner, tasks, listPath } = await organizationWithTasks(setup, 30);
  await setup.close();
  // The app's scripts never arrive, so React never takes over; the HTML's own inline scripts still reveal the streamed
  // page.
  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: 'en-US' });
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  await signIn(context, owner);
  const page = await context.newPage();
  await page.goto(listPath);
  await expect(titles(page)).toHaveText(
    newestFirst(tasks)
      .slice(0, 25)
      .map((task) => task.title),
  );
  await page.locator('summary', { hasText: 'Status' }).click();
  await page.getByRole('checkbox', { name: 'Done', exact: true }).check();
  // The open list covers the toolbar: it has its own button.
  await page.locator('details[open]').getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]status=done(&|$)/);
  const done = newestFirst(tasks).filter((task) => task.status === 'done');
  await expect(titles(page)).toHaveText(done.map((task) => task.title));
  await expect(page.locator('summary', { hasText: 'Status' })).toHaveText('Status: 1');
  await page.locator('summary', { hasText: 'Status' }).click();
  await expect(page.getByRole('checkbox', { name: 'Done', exact: true })).toBeChecked();

  await page.goto(listPath);
  await page.getByRole('columnheader', { name: 'Title' }).getByRole('link').click();
  await expect(page).toHaveURL(/\?sort=title$/);
  const byTitle = tasks.map((task) => task.title).sort();
  await expect(titles(page)).toHaveText(byTitle.slice(0, 25));
  await pagination(page).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\?sort=title&page=2$/);
  await expect(titles(page)).toHaveText(byTitle.slice(25));
  await context.close();
});

test('nothing on the tasks page moves as JavaScript loads: the browser records no layout shift (en, es; 1280, 375 px)', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { listPath } = await organizationWithTasks(page, 30);
  // The browser's own record of every layout shift since the page started loading (buffered), kept on the window.
  await page.addInitScript(() => {
    const shifts: PerformanceEntry[] = [];
    (window as unknown as { layoutShifts: PerformanceEntry[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => shifts.push(...list.getEntries())).observe({
      type: 'layout-shift',
      buffered: true,
    });
  });
  for (const locale of ['en', 'es'] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      // The server's page is painted first, then its scripts arrive (as on a slow connection) and React hydrates.
      const releaseScripts = await holdScripts(page);
      await page.goto(listPath, { waitUntil: 'domcontentloaded' });
      await expect(page.getByTestId('tasks-toolbar')).toBeVisible();
      // The page as it is before JavaScript, whole: its stylesheets applied and Inter in place of its fallback
      // (both load without scripts; the fallback's few pixels of difference are not what this measures).
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet),
      );
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
      });
      const releasedAt = await page.evaluate(() => performance.now());
      releaseScripts();
      await waitForHydration(page, 'form[role="search"]');
      await page.waitForLoadState('load');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1000))));
      const shifts = await page.evaluate(() => {
        type Shift = PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        };
        return (window as unknown as { layoutShifts: Shift[] }).layoutShifts
          .filter((entry) => !entry.hadRecentInput)
          .map((entry) => ({
            value: entry.value,
            at: entry.startTime,
            sources: entry.sources.map((source) => ({
              node: (source.node as Element | null)?.outerHTML?.slice(0, 100) ?? null,
              from: [
                source.previousRect.x,
                source.previousRect.y,
                source.previousRect.width,
                source.previousRect.height,
              ],
              to: [source.currentRect.x, source.currentRect.y, source.currentRect.width, source.currentRect.height],
            })),
          }));
      });
      const score = (list: typeof shifts) => list.reduce((sum, shift) => sum + shift.value, 0);
      // From the first paint through hydration: ~0 (the browser's "good" is under 0.1).
      expect(score(shifts), `${locale}, ${width} px: ${JSON.stringify(shifts, null, 1)}`).toBeLessThan(0.01);
      // Once the scripts arrive: nothing at all moves.
      const afterScripts = shifts.filter((shift) => shift.at >= releasedAt);
      expect(
        score(afterScripts),
        `${locale}, ${width} px, after the scripts: ${JSON.stringify(afterScripts, null, 1)}`,
      ).toBe(0);
      if (width === 1280) {
        // One row, sidebar open: the search field, the last date field and the Columns menu share their top.
        const top = async (control: Locator) => Math.round((await control.boundingBox())!.y);
        const search = await top(
          page.getByRole('searchbox', { name: locale === 'en' ? 'Search tasks' : 'Buscar tareas' }),
        );
        expect(await top(page.getByLabel(locale === 'en' ? 'Due until' : 'Vence hasta'))).toBe(search);
        expect(await top(page.getByRole('button', { name: locale === 'en' ? 'Columns' : 'Columnas' }))).toBe(search);
      }
    }
  }
});

test('the due-date picker follows the language: Spanish writes dd/mm/yyyy and names the months in Spanish', async ({
  page,
  context,
  baseURL,
}) => {
  const { listPath } = await organizationWithTasks(page, 30);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: baseURL! }]);
  await page.goto(listPath);
  await waitForHydration(page, 'form[role="search"]');
  await pickDay(page, 'Vence desde', '2030-01-10', 'Elige un día');
  await expect(page).toHaveURL(/due\.from=2030-01-10/);
  await expect(page.getByLabel('Vence desde')).toHaveText('10/01/2030');
  await page.getByLabel('Vence hasta').click();
  const calendar = page.getByRole('dialog', { name: 'Elige un día' });
  // The calendar opens on the month of the start day, named in Spanish.
  await expect(calendar.locator('select').nth(0).locator('option:checked')).toHaveText(/enero/i);
  await expect(calendar.getByRole('grid')).toContainText(/lu/i);
});
