import type { Page } from 'playwright-core';

/** The Chair's steps through a document's revisions, on the meeting page and the revision page. */
export class CirculationSteps {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** On the meeting page: "New document…", its title, and waits for its zero draft to open in the editor. */
  async startDocument(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New document…', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'New document' });
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: 'Start the zero draft', exact: true }).click();
    await this.page.waitForURL(/\/revisions\/[^/]+$/);
  }

  /** On the meeting page: starts the next revision of `document`, carrying pending proposals forward or not. */
  async startNextRevision(document: string, carryForward: boolean): Promise<void> {
    const entry = this.page.getByRole('region', { name: document, exact: true });
    await entry.getByRole('button', { name: 'Start the next revision…', exact: true }).click();
    const form = this.page.getByRole('form', { name: `Start the next revision of ${document}` });
    await form.getByRole('radio', { name: carryForward ? /^Carry them forward/ : /^Leave them behind/ }).check();
    await form.getByRole('button', { name: 'Start the revision', exact: true }).click();
    await this.page.waitForURL(/\/revisions\/[^/]+$/);
  }

  /** On a revision in preparation: circulates it as `name` with `coverNote`, dated today at the venue. */
  async circulate(name: string, coverNote: string): Promise<void> {
    const region = this.page.getByRole('region', { name: 'Circulation', exact: true });
    await region.getByRole('button', { name: 'Circulate…', exact: true }).click();
    const form = region.getByRole('form', { name: 'Circulate this revision' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Cover note').fill(coverNote);
    await form.getByRole('button', { name: 'Circulate to all delegations', exact: true }).click();
    await region.getByText(new RegExp(`^${name} is circulated to every delegation`)).waitFor();
  }
}
