import type { Locator, Page } from 'playwright-core';
import type { Credentials } from './delegates.ts';

/** Signs in through the sign-in page, as a delegate does, and waits for their meeting page. */
export async function signInThroughPage(page: Page, url: string, { email, password }: Credentials): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/meetings\/[^/]+$/);
}

/** A revision page as its reader sees it: the text, the margin numbers, the status bar. */
export class RevisionView {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The editable text, named "Text of <revision>, <document>" for screen readers. */
  get text(): Locator {
    return this.page.getByRole('textbox', { name: /^Text of / });
  }

  /** The operative paragraph whose margin number is `number`, e.g. "1.". */
  operative(number: string): Locator {
    return this.text.locator(`p[data-kind="operative"][data-number="${number}"]`);
  }

  /** Why the text is read-only, said above it; absent while the reader may write. */
  get readOnlyNote(): Locator {
    return this.page.locator('#revision-access');
  }

  /** Waits until the editor takes no typing: the server said this participant may not write. */
  async waitUntilReadOnly(): Promise<void> {
    await this.text.and(this.page.locator('[contenteditable="false"]')).waitFor();
  }

  /** Waits until the editor takes typing again. */
  async waitUntilEditable(): Promise<void> {
    await this.text.and(this.page.locator('[contenteditable="true"]')).waitFor();
  }

  /** The connection half of the status bar: "Connecting…", "Live", "Reconnecting — …". */
  get connection(): Locator {
    return this.page.getByRole('status');
  }

  /** From the meeting page, opens the revision named `name` ("Zero draft") and waits until it is live. */
  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.waitForURL(/\/revisions\/[^/]+$/);
    await this.waitUntilLive();
  }

  /** Reloads the page: a fresh Y.Doc, whose text can only come from the server. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLive();
  }

  async waitUntilLive(): Promise<void> {
    await this.connection.filter({ hasText: /^Live$/ }).waitFor();
    await this.text.waitFor();
  }

  /** Waits until the status bar says the server has stored every change made on this page. */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('All changes saved', { exact: true }).waitFor();
  }

  /** Waits until `paragraph` holds `words`. */
  async waitForWords(paragraph: Locator, words: string): Promise<void> {
    await paragraph.filter({ hasText: words }).waitFor();
  }

  /** Another person's caret in `paragraph`, labelled "Name (Delegation)". */
  caretOf(paragraph: Locator, label: string): Locator {
    return paragraph.locator('.zd-caret').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  /**
   * Double-clicks the first whole `word` of `paragraph`, as a reader selects a word to replace
   * it, and waits until the browser's selection is exactly that word.
   */
  async selectWord(paragraph: Locator, word: string): Promise<void> {
    await paragraph.scrollIntoViewIfNeeded();
    const box = await paragraph.evaluate((element, wanted) => {
      const whole = new RegExp(`(?<![\\p{L}\\p{N}])${wanted}(?![\\p{L}\\p{N}])`, 'u');
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.search(whole) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      }
      return null;
    }, word);
    if (!box) throw new Error(`The paragraph has no word "${word}" to select`);
    await this.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, word);
  }

  /**
   * Clicks after the last word of `paragraph` and types `words` there. The click lands right of
   * the paragraph's last line (justified text leaves its last line short); End makes sure.
   */
  async typeAtEndOf(paragraph: Locator, words: string): Promise<void> {
    // On a busy machine the editor sometimes does not take a click's caret, and typing would
    // land where the caret was before: the caret must be in the paragraph, for the browser and
    // for the editor, before anything is typed.
    for (let attempt = 1; ; attempt++) {
      const box = await paragraph.boundingBox();
      if (!box) throw new Error('The paragraph to type into is not visible');
      await paragraph.click({ position: { x: box.width - 1, y: box.height - 4 } });
      await this.page.keyboard.press('End');
      if (await this.#caretIn(paragraph)) break;
      if (attempt === 3) throw new Error('The caret did not reach the paragraph to type into');
    }
    await this.page.keyboard.type(words);
  }

  /** Whether the caret is in `paragraph` for the browser and for the editor, within a second. */
  async #caretIn(paragraph: Locator): Promise<boolean> {
    const deadline = Date.now() + 1_000;
    while (Date.now() < deadline) {
      const inside = await paragraph.evaluate((element) => {
        const anchor = window.getSelection()?.anchorNode;
        // TipTap keeps its editor on the editable element.
        const text = element.closest('[contenteditable]') as
          | (Element & {
              editor?: { state: { selection: { head: number } }; view: { domAtPos(pos: number): { node: Node } } };
            })
          | null;
        const editor = text?.editor;
        if (!anchor || !editor || !element.contains(anchor)) return false;
        return element.contains(editor.view.domAtPos(editor.state.selection.head).node);
      });
      if (inside) return true;
      await this.page.waitForTimeout(50);
    }
    return false;
  }
}
