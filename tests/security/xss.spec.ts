import { expect, test, type Page } from '@playwright/test';
import { queryDatabase, uniqueEmail } from '../e2e/support';
import { createOrganization, createPerson, sessionCookie } from '../e2e/fixtures';
import { Client, actionId } from './attacker';

/**
 * Stored XSS: markup typed into every user-entered field — profile name,
 * organization name, task title and description, the contact form — entered
 * through the real actions, then shown on the pages that render it (the script
 * must not run, the text must appear as typed) and in the emails that carry it
 * (escaped in the HTML part).
 */

const PAYLOAD = `<img src=x onerror="window.__xss=1">"'><script>window.__xss=1</script><svg onload=window.__xss=1>`;

/** Opens `url`: the text must be shown as typed (visible text, or a field's value), and nothing may run. */
async function expectInert(page: Page, url: string, shown: string, where: 'text' | 'value' = 'text') {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  if (where === 'text') await expect(page.getByText(shown).first(), url).toBeVisible();
  else await expect(page.getByRole('textbox').first(), url).toHaveValue(shown);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
  expect(await page.locator('main img[src="x"], main svg[onload]').count(), url).toBe(0);
  expect(dialogs, url).toEqual([]);
}

test('XSS: markup in the profile name, organization name and task title and description renders as text on every page showing them', async ({
  context,
  page,
}) => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  const client = await Client.signedInAs(person);
  const name = `Ada ${PAYLOAD}`.slice(0, 80);
  expect(
    (await client.action(actionId('src/features/auth/server/profile-actions.ts#saveProfile'), { name })).result?.ok,
  ).toBe(true);
  const orgName = `Team ${PAYLOAD}`.slice(0, 80);
  const renamed = await client.action(
    actionId('src/features/organizations/server/actions.ts#updateOrganizationAction'),
    {
      organizationId: organization.id,
      name: orgName,
      slug: organization.slug,
    },
  );
  expect(renamed.result?.ok).toBe(true);
  const created = await client.action(actionId('src/features/tasks/server/actions.ts#createTaskAction'), {
    organizationId: organization.id,
    title: `Task ${PAYLOAD}`.slice(0, 200),
    description: `Description ${PAYLOAD}`,
    assigneeId: person.id,
  });
  expect(created.redirect).toMatch(/\/tasks\//);

  await context.addCookies([await sessionCookie(person)]);
  const base = `/dashboard/${organization.slug}`;
  await expectInert(page, '/settings/profile', name, 'value');
  await expectInert(page, base, orgName.slice(0, 20));
  await expectInert(page, `${base}/members`, name.slice(0, 20));
  await expectInert(page, `${base}/tasks`, 'Task <img');
  await expectInert(page, created.redirect!, `Description ${PAYLOAD}`.slice(0, 30));
  await expectInert(page, `${created.redirect!}/edit`, orgName.slice(0, 20));
});

test('XSS: markup in the inviter’s name, the organization name and the contact form is escaped in the emails that carry it', async () => {
  const person = await createPerson({ name: `Eve ${PAYLOAD}`.slice(0, 80) });
  const organization = await createOrganization([[person, 'owner']], { name: `Org ${PAYLOAD}`.slice(0, 80) });
  const client = await Client.signedInAs(person);
  const invitee = uniqueEmail('invitee');
  const invited = await client.action(actionId('src/features/organizations/server/actions.ts#inviteMembersAction'), {
    organizationId: organization.id,
    emails: invitee,
    role: 'member',
  });
  expect(invited.result?.ok).toBe(true);

  const sender = uniqueEmail('contact');
  const contacted = await new Client().action(actionId('src/features/contact/server/actions.ts#sendContactRequest'), {
    name: `Eve ${PAYLOAD}`.slice(0, 100),
    email: sender,
    message: `Hello ${PAYLOAD}`,
  });
  expect(contacted.result?.ok).toBe(true);

  for (const to of [invitee, sender]) {
    let html = '';
    await expect(async () => {
      const [message] = await queryDatabase<{ html: string; subject: string }>(
        `select html, subject from dev_mailbox_messages where "to" ? $1`,
        [to],
      );
      expect(message, `an email to ${to}`).toBeTruthy();
      html = message!.html;
    }).toPass({ timeout: 10_000 });
    expect(html, to).not.toMatch(/<img src=x|<script>window|<svg onload/i);
    if (to === invitee) expect(html).toContain('&lt;img src=x');
  }
});
