import type { Locator, Page } from 'playwright-core';

/** When the compilation text was first in the page, and next painted, in ms since navigation start. */
export interface Shown {
  present: number;
  painted: number;
}

interface Watched {
  __zdCompilationShown?: Shown;
}

/**
 * Runs in the page before its own scripts: notes the moment the first paragraph of the text is
 * in the document (React adds the whole text in one commit) and the frame after it.
 */
function watchForText(): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.zd-compilation-text .zd-compilation-paragraph')) return;
    observer.disconnect();
    const present = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        (window as Watched).__zdCompilationShown = { present, painted: performance.now() };
      }),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The compilation page as its reader sees it. */
export class CompilationView {
  readonly page: Page;
  #watching = false;

  constructor(page: Page) {
    this.page = page;
  }

  /** The text, named "Compilation text of <revision>, <document>" for screen readers. */
  get text(): Locator {
    return this.page.getByRole('region', { name: /^Compilation text of / });
  }

  get paragraphs(): Locator {
    return this.text.locator('.zd-compilation-paragraph');
  }

  /** "(Mexico; supported by Brazil)" after a proposal's words. */
  get attributions(): Locator {
    return this.text.locator('.zd-compilation-attribution');
  }

  /**
   * Opens the compilation of a revision by its address, as a fresh page load (the way a link
   * from elsewhere or a reload opens it), and resolves once its text is painted.
   */
  async open(url: string, revisionId: string): Promise<Shown> {
    if (!this.#watching) {
      await this.page.addInitScript(watchForText);
      this.#watching = true;
    }
    await this.page.goto(`${url}/revisions/${encodeURIComponent(revisionId)}/compilation`);
    const shown = await this.page.waitForFunction(() => (window as Watched).__zdCompilationShown);
    return (await shown.jsonValue()) as Shown;
  }
}
