import type { Page } from 'playwright-core';

/** From the meeting's page, opens one of its administration pages: "Roster", "Invitations"… */
export async function openMeetingPage(page: Page, name: 'Roster' | 'Invitations' | 'Audit log'): Promise<void> {
  await page.getByRole('navigation', { name: 'Meeting administration' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** On the roster, gives `person` the role named `role` ("Observer", "Delegation member") and waits until saved. */
export async function changeRole(page: Page, person: string, role: string): Promise<void> {
  await page.getByLabel(`Role of ${person}`, { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: `Save ${person}’s role`, exact: true }).click();
  await page.getByText(`Saved. ${person}’s new role applies at once.`, { exact: true }).waitFor();
}

/**
 * On the invitations page, invites `email` to represent `delegation` as `role`, copies the link
 * with the page's "Copy link" button, and returns what the clipboard then holds.
 */
export async function inviteAndCopyLink(
  page: Page,
  { email, delegation, role }: { email: string; delegation: string; role: string },
): Promise<string> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Delegation', { exact: true }).selectOption({ label: delegation });
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Create the invitation link' }).click();
  await page.getByText(`Invitation for ${email}`, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Copied.', { exact: true }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}
