import type { Locator, Page } from 'playwright-core';

/** A row of the redline, by its heading: "Paragraph 3 (was 2 in Zero draft)", "New paragraph 2"… */
export interface RedlineRow {
  /** The whole row: its heading and its words. */
  row: Locator;
  /** Its words, as the reader sees them (inserted and deleted words included). */
  words: Locator;
  /** The words added in the newer revision (`<ins>`). */
  inserted: Locator;
  /** The words of the older revision taken out (`<del>`). */
  deleted: Locator;
}

/** The page comparing two revisions of a document (`/documents/<id>/compare`), as its reader sees it. */
export class ComparisonView {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The redline, named "Changes from <older> to <newer>" for screen readers. */
  get redline(): Locator {
    return this.page.getByRole('region', { name: /^Changes from / });
  }

  /** The table "What became of <older>'s proposals". */
  get proposals(): Locator {
    return this.page.getByRole('table');
  }

  /**
   * From the meeting page, opens the history of the document titled `documentTitle` ("Outcome
   * document"), follows "Compare with the previous revision" on `newer`'s entry, and waits for
   * the comparison of `older` (the revision `newer` was started from) with `newer`.
   */
  async openFromMeetingPage(documentTitle: string, older: string, newer: string): Promise<void> {
    await this.page.getByRole('link', { name: `History of ${documentTitle}`, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: `${documentTitle}: history` }).waitFor();
    await this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: new RegExp(`^${escaped(newer)} `) }) })
      .getByRole('link', { name: 'Compare with the previous revision', exact: true })
      .click();
    await this.waitForComparison(older, newer);
  }

  /** Opens the comparison by its address, as a fresh page load; without revisions, the server's default pair. */
  async open(url: string, documentId: string, revisions: { from?: string; to?: string } = {}): Promise<void> {
    const search = new URLSearchParams(Object.entries(revisions).filter(([, id]) => id) as [string, string][]);
    const query = search.size ? `?${search}` : '';
    await this.page.goto(`${url}/documents/${encodeURIComponent(documentId)}/compare${query}`);
    await this.redline.waitFor();
  }

  /** Picks the older revision in "Compare" and the newer in "with", by name, presses Compare, and waits for the result. */
  async choose(older: string, newer: string): Promise<void> {
    await this.select(older, newer);
    await this.page.getByRole('button', { name: 'Compare', exact: true }).click();
    await this.waitForComparison(older, newer);
  }

  /** Sets the two selects without submitting (to try a choice the page refuses, say). */
  async select(from: string, to: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Revisions to compare' });
    await form.getByLabel('Compare', { exact: true }).selectOption({ label: await this.#option(form, from) });
    await form.getByLabel('with', { exact: true }).selectOption({ label: await this.#option(form, to) });
  }

  /** Waits until the page compares `older` with `newer`: its heading says so. */
  async waitForComparison(older: string, newer: string): Promise<void> {
    await this.page
      .getByRole('heading', { level: 1, name: new RegExp(`: ${escaped(older)} compared with ${escaped(newer)}$`) })
      .waitFor();
    await this.redline.waitFor();
  }

  /** The row whose heading is `heading` exactly (a tag such as "Changed" may follow it). */
  row(heading: string): RedlineRow {
    const row = this.redline
      .locator('.zd-comparison-row')
      .filter({ has: this.page.getByRole('heading', { level: 4, name: new RegExp(`^${escaped(heading)}( |$)`) }) });
    const words = row.locator('.zd-comparison-paragraph');
    return { row, words, inserted: words.locator('ins'), deleted: words.locator('del') };
  }

  /** The tag of a row: "Changed", "New", "Deleted", "Moved", "Moved and changed"; '' when unchanged. */
  async tagOf(heading: string): Promise<string> {
    const tag = this.row(heading).row.locator('.zd-comparison-tag');
    return (await tag.count()) ? ((await tag.textContent()) ?? '').trim() : '';
  }

  /** The outcome cell of the first proposal of `delegation`: "Accepted by … (Kenya), …", "Withdrawn"… */
  outcomeOf(delegation: string): Locator {
    return this.proposals
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escaped(delegation)}`) }) })
      .first()
      .getByRole('cell')
      .last();
  }

  /** Shows only the paragraphs that changed, or every paragraph again. */
  async showOnlyChanges(only: boolean): Promise<void> {
    await this.page.getByLabel('Show only the paragraphs that changed').setChecked(only);
  }

  /** The label of the option that names revision `name` ("Draft 1 (circulated)"). */
  async #option(form: Locator, name: string): Promise<string> {
    const labels = await form.getByLabel('Compare', { exact: true }).locator('option').allTextContents();
    const label = labels.find((l) => l.startsWith(`${name} (`));
    if (!label) throw new Error(`No revision named ${name} to compare; the page offers ${labels.join(', ')}`);
    return label;
  }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
