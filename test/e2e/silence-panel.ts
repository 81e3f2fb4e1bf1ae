import type { Locator, Page } from 'playwright-core';

/** The silence procedure above a revision's text, as its reader sees it. */
export class SilencePanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Silence procedure' });
  }

  /** "Under silence procedure until Friday 30 July 2021, 12:00 (New York) — …" while it runs. */
  get headline(): Locator {
    return this.region.locator('.zd-silence-headline');
  }

  /** "2 days, 3 hours and 12 minutes left" */
  get countdown(): Locator {
    return this.region.getByRole('timer');
  }

  /** How the last procedure ended: "Silence was broken by Nigeria on …", "Adopted on …". */
  get outcome(): Locator {
    return this.region.locator('.zd-silence-outcome');
  }

  /** The objection `delegation` broke silence with: its byline and its words. */
  objectionOf(delegation: string): Locator {
    return this.region.locator('.zd-objection').filter({ has: this.page.getByText(delegation, { exact: true }) });
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }

  /** What the page says once the reader's own act went through. */
  get done(): Locator {
    return this.region.getByRole('status').and(this.page.locator('.zd-success'));
  }

  /**
   * The Chair opens "Place under silence…", gives the deadline's day and time (in the venue's
   * zone, the one the form starts with), and waits for the form to read it back as `expected`.
   */
  async placeUnderSilence(date: string, time: string, expected: string): Promise<void> {
    await this.button('Place under silence…').click();
    const form = this.region.getByRole('form', { name: 'Place this revision under silence' });
    await form.getByLabel('Day of the deadline').fill(date);
    await form.getByLabel('Time of the deadline').fill(time);
    await form
      .locator('.zd-silence-preview')
      .filter({ hasText: `Deadline: ${expected}` })
      .waitFor();
    await form.getByRole('button', { name: 'Place under silence', exact: true }).click();
    await form.waitFor({ state: 'detached' });
  }

  /**
   * The Chair tries a deadline the server refuses: returns the reason the form shows, and
   * closes the form again.
   */
  async refusedDeadline(date: string, time: string): Promise<string> {
    await this.button('Place under silence…').click();
    const form = this.region.getByRole('form', { name: 'Place this revision under silence' });
    await form.getByLabel('Day of the deadline').fill(date);
    await form.getByLabel('Time of the deadline').fill(time);
    await form.getByRole('button', { name: 'Place under silence', exact: true }).click();
    const reason = (await form.getByRole('alert').textContent()) ?? '';
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    return reason;
  }

  /** A delegate writes an objection, reads it back, and breaks silence with it. */
  async breakSilence(objection: string): Promise<void> {
    await this.button('Break silence…').click();
    const dialog = this.page.getByRole('dialog', { name: /^Break silence for / });
    await dialog.getByLabel('Objection (required)').fill(objection);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.locator('.zd-objection-text').filter({ hasText: objection }).waitFor();
    await dialog.getByRole('button', { name: 'Break silence', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The Chair withdraws the running procedure, and confirms. */
  async withdraw(): Promise<void> {
    await this.button('Withdraw silence procedure').click();
    await this.button('Withdraw it').click();
  }
}
