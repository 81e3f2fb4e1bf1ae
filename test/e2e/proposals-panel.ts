import type { Locator, Page } from 'playwright-core';

/** The proposals panel beside the text, as its reader sees it. */
export class ProposalsPanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Proposals', exact: true });
  }

  /** The panel's row for one proposal; listed while it is pending (the panel's default filter). */
  item(proposalId: string): Locator {
    return this.region.locator(`li[data-proposal-id="${proposalId}"]`);
  }

  /** A button of `item`, by its exact name: "Support" is not "Withdraw my support". */
  button(item: Locator, name: string): Locator {
    return item.getByRole('button', { name, exact: true });
  }

  /** The Chair's controls for the paragraph holding their cursor, e.g. "At the cursor: Paragraph 2". */
  atTheCursor(paragraphLabel: string): Locator {
    return this.region.getByRole('region', { name: `At the cursor: ${paragraphLabel}`, exact: true });
  }
}
