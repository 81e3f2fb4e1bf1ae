import type { NodeType } from '@tiptap/pm/model';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { isSuggestionKind, SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { z } from 'zod';
import { quoted, refuse } from './refusal.ts';

/**
 * What the document schema allows in a revision's Y.Doc, checked on what an update writes.
 * A stock client that receives a mark it does not know crashes (ProseMirror's `schema.mark`
 * throws), and y-prosemirror deletes a node it cannot build, then sends that deletion back as
 * its own change; so nothing outside the schema may get in.
 */

/** A tracked change as the text carries it: on words (a mark), or on a paragraph proposed whole. */
export interface Suggestion {
  on: 'insertion' | 'deletion' | 'paragraph';
  attrs: SuggestionAttrs;
  /** Equal for equal suggestions, whatever Y.Text attribute name carries them. */
  identity: string;
}

/** One mark of a run of text. */
export interface ReadMark {
  /** The mark and its attributes in schema order: the same mark always reads the same. */
  identity: string;
  suggestion: Suggestion | null;
}

const StrictSuggestionAttrs = z.strictObject(SuggestionAttrs.shape);

/**
 * A mark that may occur several times on the same words is a Y.Text attribute named
 * `<mark>--<8-character hash>` (see `marksToAttributes` in @tiptap/y-tiptap), which reads back
 * as `<mark>` by this same expression.
 */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

const markNameOf = (attribute: string): string => HASHED_MARK.exec(attribute)?.[1] ?? attribute;

/**
 * No mark of the schema is stored under a longer name. The expression above takes time in the
 * square of a name's length (a name of 40,000 characters holds the server for seconds, one of
 * 2 MB for hours), so a longer name is refused before it is read.
 */
const LONGEST_MARK_ATTRIBUTE =
  Math.max(...Object.keys(documentSchema.marks).map((name) => name.length)) + '--'.length + 8;

/**
 * Yjs builds a text's formatting and an element's attributes as `object[name] = value`: under
 * the name "__proto__", an object value becomes the prototype instead, unseen by `Object.keys`
 * yet read by y-prosemirror's `for…in` (as marks) and by ProseMirror (as attributes).
 */
export const hasReplacedPrototype = (raw: object): boolean => Object.getPrototypeOf(raw) !== Object.prototype;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  // ProseMirror builds attributes without a prototype; Yjs decodes them as plain objects.
  return prototype === Object.prototype || prototype === null;
};

export function suggestionIdentity(on: Suggestion['on'], attrs: SuggestionAttrs): string {
  return JSON.stringify([on, attrs.id, attrs.delegation, attrs.user, attrs.time]);
}

/** The suggestion a value of a suggestion mark or of a paragraph's `insertion` names; throws a refusal. */
export function readSuggestionAttrs(value: unknown): SuggestionAttrs {
  const parsed = StrictSuggestionAttrs.safeParse(value);
  if (!parsed.success) refuse('a proposal must name its id, delegation, user and time, and nothing else');
  return parsed.data;
}

/** The mark a Y.Text attribute stands for, checked against the schema; throws a refusal. */
export function readMark(attribute: string, value: unknown): ReadMark {
  if (attribute.length > LONGEST_MARK_ATTRIBUTE) {
    refuse(`it holds formatting the document does not know, ${quoted(attribute)}`);
  }
  const name = markNameOf(attribute);
  const type = documentSchema.marks[name];
  if (!type) refuse(`it holds formatting the document does not know, ${quoted(name)}`);
  if (!isPlainObject(value)) refuse(`it holds formatting ${quoted(name)} with settings the document does not know`);
  if (isSuggestionKind(name)) {
    const attrs = readSuggestionAttrs(value);
    return {
      identity: suggestionIdentity(name, attrs),
      suggestion: { on: name, attrs, identity: suggestionIdentity(name, attrs) },
    };
  }
  const known = type.spec.attrs ?? {};
  if (Object.keys(value).some((key) => !Object.hasOwn(known, key))) {
    refuse(`it holds formatting ${quoted(name)} with settings the document does not know`);
  }
  try {
    return { identity: JSON.stringify([name, type.create(value).attrs]), suggestion: null };
  } catch {
    refuse(`it holds formatting ${quoted(name)} with settings the document does not know`);
  }
}

/** As `readMark`, for what is already in the room's document: never refuses what it cannot read. */
export function readMarkLeniently(attribute: string, value: unknown): ReadMark {
  try {
    return readMark(attribute, value);
  } catch {
    return { identity: JSON.stringify(['?', attribute, String(JSON.stringify(value))]), suggestion: null };
  }
}

/** The node type an element of this name stands for: any node of the schema but the document and text. */
export function elementType(name: string): NodeType {
  const type = documentSchema.nodes[name];
  if (!type || type === documentSchema.topNodeType || type.isText) {
    refuse(`it holds a part the document does not know, ${quoted(name)}`);
  }
  return type;
}

/**
 * An element's attributes as ProseMirror reads them: every attribute of the node type, in
 * schema order, defaults filled in. Refuses an attribute the node type does not have or a value
 * it does not accept.
 */
export function readAttributes(type: NodeType, raw: Record<string, unknown>): Record<string, unknown> {
  const known = type.spec.attrs ?? {};
  if (hasReplacedPrototype(raw)) refuse(`a ${type.name} has no setting "__proto__"`);
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(known, key)) refuse(`a ${type.name} has no setting ${quoted(key)}`);
  }
  // `insertion` has no validator of its own in the schema: it is a proposal, or null.
  if (type.name === 'paragraph' && raw.insertion !== undefined && raw.insertion !== null) {
    readSuggestionAttrs(raw.insertion);
  }
  try {
    return type.create(raw).attrs;
  } catch {
    refuse(`a ${type.name} cannot have the settings this change gives it`);
  }
}

/** As `readAttributes`, for what is already in the room's document. */
export function readAttributesLeniently(
  type: NodeType | undefined,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  if (type && !type.isText && type !== documentSchema.topNodeType) {
    try {
      return readAttributes(type, raw);
    } catch {
      // Read as stored, below.
    }
  }
  return Object.fromEntries(Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether children of these types, in this order, are valid content of a node of `type`. */
export function fitsContent(type: NodeType, children: readonly NodeType[]): boolean {
  let match = type.contentMatch;
  for (const child of children) {
    const next = match.matchType(child);
    if (!next) return false;
    match = next;
  }
  return match.validEnd;
}

export const textType = documentSchema.nodes.text as NodeType;
export const rootType = documentSchema.topNodeType;
