import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { SuggestionAttrs, type SuggestionKind } from '@zerodraft/shared/schema/suggestions.ts';
import * as Y from 'yjs';

/**
 * The Yjs binding stores each suggestion mark as its own Y.Text attribute,
 * `insertion--<hash of the mark's JSON>` (DESIGN.md §3); a binding that lets marks exclude
 * themselves would write the plain name. The hash is the binding's, matched as it matches it.
 */
const SUGGESTION_KEY = /^(insertion|deletion)(--[a-zA-Z0-9+/=]{8})?$/;

/** The kind of suggestion a Y.Text attribute stands for, or null when it is formatting. */
export function suggestionKindOfKey(key: string): SuggestionKind | null {
  return (SUGGESTION_KEY.exec(key)?.[1] as SuggestionKind | undefined) ?? null;
}

/** Where a stretch of text sits: its textblock (title, heading or paragraph) and section. */
export interface Place {
  block: Y.XmlElement | null;
  section: Y.XmlElement | null;
}

/** Words carrying one suggestion mark: `length` characters of `text` from `index`. */
export interface SuggestionRun extends Place {
  /** Position among all runs and proposed paragraphs, in document order. */
  order: number;
  text: Y.XmlText;
  index: number;
  length: number;
  kind: SuggestionKind;
  /** The Y.Text attribute holding the mark, to remove it. */
  key: string;
  attrs: SuggestionAttrs;
  words: string;
}

/** A paragraph proposed whole (its `insertion` attribute). */
export interface ProposedParagraph {
  order: number;
  element: Y.XmlElement;
  section: Y.XmlElement | null;
  attrs: SuggestionAttrs;
}

/** Every suggestion in a revision's text, in document order. */
export interface Suggestions {
  runs: SuggestionRun[];
  paragraphs: ProposedParagraph[];
  /** Each XmlText of the document with its place, runs or not, in document order. */
  texts: (Place & { text: Y.XmlText })[];
}

interface DeltaOp {
  insert: unknown;
  attributes?: Record<string, unknown>;
}

const isParagraph = (node: unknown): node is Y.XmlElement =>
  node instanceof Y.XmlElement && node.nodeName === 'paragraph';

/** A suggestion's attributes when they are well formed; anything else is no proposal of anyone's. */
function suggestionAttrs(value: unknown): SuggestionAttrs | null {
  const parsed = SuggestionAttrs.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The attributes of a paragraph proposed whole, or null. */
export const proposedParagraphAttrs = (element: Y.XmlElement): SuggestionAttrs | null =>
  suggestionAttrs(element.getAttribute('insertion'));

/**
 * Finds every suggestion mark and proposed paragraph of a revision's Y.Doc by walking its
 * Y.XmlFragment directly: cheaper than converting the whole text to ProseMirror, and it
 * yields the Y.Text attributes an act has to remove.
 */
export function findSuggestions(doc: Y.Doc): Suggestions {
  const found: Suggestions = { runs: [], paragraphs: [], texts: [] };
  let order = 0;
  const visit = (node: Y.XmlElement | Y.XmlFragment, place: Place) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        found.texts.push({ text: child, ...place });
        for (const run of runsOf(child, place)) found.runs.push({ ...run, order: order++ });
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'section') {
          visit(child, { block: null, section: child });
          continue;
        }
        if (isParagraph(child)) {
          const attrs = proposedParagraphAttrs(child);
          if (attrs) found.paragraphs.push({ order: order++, element: child, section: place.section, attrs });
        }
        // A textblock's element children (hard breaks) carry no marks in Yjs.
        visit(child, place.block ? place : { block: child, section: place.section });
      }
    }
  };
  visit(doc.getXmlFragment(DOCUMENT_FIELD), { block: null, section: null });
  return found;
}

function runsOf(text: Y.XmlText, place: Place): Omit<SuggestionRun, 'order'>[] {
  const runs: Omit<SuggestionRun, 'order'>[] = [];
  let index = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const kind = suggestionKindOfKey(key);
      const attrs = kind && suggestionAttrs(value);
      if (kind && attrs) {
        const words = typeof op.insert === 'string' ? op.insert : '';
        runs.push({ text, index, length, kind, key, attrs, words, ...place });
      }
    }
    index += length;
  }
  return runs;
}

/** The ids of every proposal with a mark or a proposed paragraph in the text. */
export function proposalIdsInText(doc: Y.Doc): Set<string> {
  const { runs, paragraphs } = findSuggestions(doc);
  return new Set([...paragraphs.map((p) => p.attrs.id), ...runs.map((r) => r.attrs.id)]);
}
