import type { NodeType } from '@tiptap/pm/model';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import * as Y from 'yjs';
import { refuse } from './refusal.ts';
import {
  elementType,
  fitsContent,
  hasReplacedPrototype,
  type ReadMark,
  readAttributes,
  readAttributesLeniently,
  readMark,
  readMarkLeniently,
  readSuggestionAttrs,
  type Suggestion,
  suggestionIdentity,
  textType,
} from './schema-check.ts';

/**
 * A part of a revision's Y.Doc as ProseMirror would read it, so that two versions compare by
 * what a reader sees and not by how Yjs happens to hold it: adjacent Y.XmlTexts and runs with
 * the same marks merge, empty ones vanish, a mark's Y.Text attribute name (its hash) does not
 * count, attributes read with their defaults.
 */

/** Words with the same marks. */
export interface Run {
  text: string;
  /** Sorted by identity. */
  marks: readonly ReadMark[];
  /** The marks' identities, joined. */
  marksKey: string;
}

/** An inline node that is not text: a line break. */
export interface InlineNode {
  node: string;
  attrsKey: string;
}

export type Inline = Run | InlineNode;

export const isRun = (inline: Inline): inline is Run => 'text' in inline;

/** A title, section heading or paragraph: a node that holds text. */
export interface Block {
  kind: 'block';
  name: string;
  attrs: Record<string, unknown>;
  attrsKey: string;
  /** A paragraph proposed whole. */
  insertion: Suggestion | null;
  /** An agreed paragraph takes no new proposals. */
  agreed: boolean;
  inline: Inline[];
}

/** A node that holds other nodes: a section. */
export interface Container {
  kind: 'container';
  name: string;
  attrsKey: string;
  /** A closed section takes no new proposals. */
  closed: boolean;
  children: Content[];
}

export type Content = Block | Container;

/**
 * How a part is read. `strict`: what an update wrote, checked against the schema, refused
 * if it does not fit. Otherwise: what the room's document already holds, read as it is.
 */
export type Reading = 'strict' | 'as-stored';

/** Appends a run, merging it into the last one when their marks are the same. */
export function pushRun(inline: Inline[], text: string, marks: readonly ReadMark[], marksKey: string): void {
  if (text === '') return;
  const last = inline.at(-1);
  if (last && isRun(last) && last.marksKey === marksKey) {
    inline[inline.length - 1] = { text: last.text + text, marks: last.marks, marksKey };
  } else {
    inline.push({ text, marks, marksKey });
  }
}

export const marksKeyOf = (marks: readonly ReadMark[]): string => marks.map((mark) => mark.identity).join('\u0000');

function readRunMarks(attributes: Record<string, unknown> | undefined, reading: Reading): ReadMark[] {
  if (!attributes) return [];
  if (reading === 'strict' && hasReplacedPrototype(attributes)) {
    refuse('it holds formatting the document does not know, "__proto__"');
  }
  const marks = new Map<string, ReadMark>();
  // `for…in`, as y-prosemirror reads them: with what a "__proto__" already stored brings along.
  for (const key in attributes) {
    const value = attributes[key];
    // A null attribute is formatting removed; y-prosemirror sets every name it saw to null.
    if (value === null || value === undefined) continue;
    const mark = reading === 'strict' ? readMark(key, value) : readMarkLeniently(key, value);
    if (!marks.has(mark.identity)) marks.set(mark.identity, mark);
  }
  return [...marks.values()].sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
}

/** Appends the runs of a Y.XmlText. */
function readText(text: Y.XmlText, inline: Inline[], reading: Reading): void {
  if (reading === 'strict') {
    const settings = text.getAttributes();
    if (Object.keys(settings).length > 0 || hasReplacedPrototype(settings)) {
      refuse('it gives text settings the document does not know');
    }
  }
  let read = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const marks = readRunMarks(op.attributes, reading);
    if (typeof op.insert === 'string') {
      pushRun(inline, op.insert, marks, marksKeyOf(marks));
      read += op.insert.length;
    } else if (reading === 'strict') {
      refuse('it embeds an object in the text, which the document cannot show');
    } else {
      pushRun(inline, '\uFFFC', marks, `${marksKeyOf(marks)}\u0001${String(JSON.stringify(op.insert))}`);
      read += 1;
    }
  }
  // Values, binary data, JSON or a subdocument in a text count in its length but not in its
  // delta: every client, mapping the editor's positions onto that length, would type elsewhere.
  if (reading === 'strict' && read !== text.length) {
    refuse('it puts something in the text that the document cannot show');
  }
}

function rawAttributes(element: Y.XmlElement): Record<string, unknown> {
  return element.getAttributes() as Record<string, unknown>;
}

function readElementAttributes(element: Y.XmlElement, type: NodeType | undefined, reading: Reading) {
  const raw = rawAttributes(element);
  return reading === 'strict' && type ? readAttributes(type, raw) : readAttributesLeniently(type, raw);
}

/** Refuses children that do not fit the node's content expression. */
function checkFits(type: NodeType, children: readonly NodeType[]): void {
  if (!fitsContent(type, children)) refuse(`it breaks the structure of the document (in a ${type.name})`);
}

function readBlock(element: Y.XmlElement, type: NodeType | undefined, reading: Reading): Block {
  const attrs = readElementAttributes(element, type, reading);
  const inline: Inline[] = [];
  const childTypes: NodeType[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      readText(child, inline, reading);
      if (child.length > 0) childTypes.push(textType);
    } else if (child instanceof Y.XmlElement) {
      const childType = reading === 'strict' ? elementType(child.nodeName) : documentSchema.nodes[child.nodeName];
      if (reading === 'strict') {
        if (childType && child.length > 0) refuse(`it puts content inside a ${child.nodeName}`);
        if (childType) childTypes.push(childType);
      }
      inline.push({ node: child.nodeName, attrsKey: JSON.stringify(readElementAttributes(child, childType, reading)) });
    } else if (reading === 'strict') {
      refuse('it puts something in the text that the document cannot show');
    }
  }
  if (reading === 'strict' && type) checkFits(type, childTypes);
  const insertion =
    element.nodeName === 'paragraph' && attrs.insertion !== null && attrs.insertion !== undefined
      ? paragraphSuggestion(attrs.insertion, reading)
      : null;
  return {
    kind: 'block',
    name: element.nodeName,
    attrs,
    attrsKey: JSON.stringify(attrs),
    insertion,
    agreed: element.nodeName === 'paragraph' && attrs.status === 'agreed',
    inline,
  };
}

function paragraphSuggestion(value: unknown, reading: Reading): Suggestion | null {
  try {
    const attrs = readSuggestionAttrs(value);
    return { on: 'paragraph', attrs, identity: suggestionIdentity('paragraph', attrs) };
  } catch (error) {
    if (reading === 'strict') throw error;
    return null;
  }
}

/** Reads one element of the document, and in strict reading checks it whole against the schema. */
export function readContent(element: Y.XmlElement, reading: Reading): Content {
  const type = reading === 'strict' ? elementType(element.nodeName) : documentSchema.nodes[element.nodeName];
  if (type?.isTextblock) return readBlock(element, type, reading);
  if (reading === 'strict' && type?.isLeaf) {
    refuse(`it puts a ${type.name} where only paragraphs and sections belong`);
  }
  const attrs = readElementAttributes(element, type, reading);
  return {
    kind: 'container',
    name: element.nodeName,
    attrsKey: JSON.stringify(attrs),
    closed: attrs.closed === true,
    children: readChildren(element, type, reading),
  };
}

/** Reads the children of a section (or of the document); strict reading checks that they fit it. */
function readChildren(parent: Y.XmlFragment, type: NodeType | undefined, reading: Reading): Content[] {
  const elements = parent.toArray();
  // Before reading further down: a part nested in itself thousands deep is refused at its top.
  if (reading === 'strict') {
    const types = elements.map((child) =>
      child instanceof Y.XmlElement
        ? elementType(child.nodeName)
        : refuse('it puts text or data where only paragraphs and sections belong'),
    );
    if (type) checkFits(type, types);
  }
  const children: Content[] = [];
  for (const child of elements) {
    if (child instanceof Y.XmlElement) {
      children.push(readContent(child, reading));
    } else if (child instanceof Y.XmlText) {
      const inline: Inline[] = [];
      readText(child, inline, reading);
      children.push({
        kind: 'block',
        name: '#text',
        attrs: {},
        attrsKey: '{}',
        insertion: null,
        agreed: false,
        inline,
      });
    }
  }
  return children;
}
