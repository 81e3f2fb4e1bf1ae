import type { NodeType } from '@tiptap/pm/model';
import { PROPOSALS_FIELD, type ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import * as Y from 'yjs';
import { type Block, type Content, type Run, readContent } from './document-content.ts';
import { checkIdentities, idAttributeOf } from './identities.ts';
import { describeBlock, describeContainer, describeSection } from './location.ts';
import { proposedBy, withoutOwnSuggestions } from './own-suggestions.ts';
import { Refusal, refuse } from './refusal.ts';
import {
  elementType,
  fitsContent,
  readAttributes,
  readAttributesLeniently,
  rootType,
  type Suggestion,
  textType,
} from './schema-check.ts';
import { firstDifference, keptSuggestions, suggestionsIn } from './suggestions-in.ts';

/**
 * DESIGN.md §3, step 2: whether an update a participant sent may be applied. The update has
 * been applied to the shadow copy (the after state); the room's document is the before state.
 * Only the types the update touched are looked at (`transaction.changed` of the shadow's
 * transaction), each against the same type in the room's document, so one keystroke costs
 * what one paragraph costs, whatever the size of the revision.
 *
 * For everyone: only the document's text may change, and only within the schema; suggestion
 * marks the update adds name the sender's own delegation and user, and a proposal id that is
 * another delegation's or already decided; nobody changes another delegation's pending
 * proposal. For a sender in 'propose' mode in addition: with the delegation's own suggestions
 * stripped, before and after are identical, and nothing in an agreed paragraph or a closed
 * section changes. And every paragraph or section added, or given another id, has an id of
 * its own (identities.ts).
 */

/** Who sent the update, and how they write. */
export interface Sender {
  mode: 'pen' | 'propose';
  delegationId: string;
  delegationName: string;
  userId: string;
}

/** What an update did to the shadow copy: see `ShadowDoc.lastChange`. */
export interface TriedUpdate {
  /** The shadow copy, with the update applied. */
  after: Y.Doc;
  /** `transaction.changed` of the update's transaction: each type changed, with the keys changed (null: its content). */
  // biome-ignore lint/suspicious/noExplicitAny: as Yjs types it; the policy never reads the event type
  changed: ReadonlyMap<Y.AbstractType<any>, ReadonlySet<string | null>>;
  /** The state vector before the update: structs from that clock on are new. */
  beforeState: ReadonlyMap<number, number>;
}

export type Verdict =
  | {
      accepted: true;
      /** The sender's proposals in what the update added (new marks, new proposed paragraphs). */
      proposalIds: ReadonlySet<string>;
    }
  | { accepted: false; reason: string };

export function checkUpdate(before: Y.Doc, update: TriedUpdate, sender: Sender): Verdict {
  try {
    return { accepted: true, proposalIds: new Check(before, update, sender).run() };
  } catch (error) {
    if (error instanceof Refusal) return { accepted: false, reason: error.message };
    throw error;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: Y types differ only in their event type, which the policy never reads
type AnyType = Y.AbstractType<any>;

/** Where a change is, in words: only worked out for a refusal, since it may walk the document. */
type Where = () => string;

const isContainerType = (type: NodeType) => !type.isTextblock && !type.isLeaf && !type.isInline;

class Check {
  readonly #before: Y.Doc;
  readonly #update: TriedUpdate;
  readonly #sender: Sender;
  readonly #afterRoot: Y.XmlFragment;
  readonly #records: Y.Map<unknown>;
  readonly #proposalIds = new Set<string>();
  /** Paragraphs and sections the update adds or gives another id: see identities.ts. */
  readonly #identified = new Set<Y.XmlElement>();

  constructor(before: Y.Doc, update: TriedUpdate, sender: Sender) {
    this.#before = before;
    this.#update = update;
    this.#sender = sender;
    this.#afterRoot = update.after.getXmlFragment(DOCUMENT_FIELD);
    this.#records = before.getMap(PROPOSALS_FIELD);
  }

  get #proposing(): boolean {
    return this.#sender.mode === 'propose';
  }

  run(): Set<string> {
    const blocks = new Set<Y.XmlElement>();
    const containers = new Set<Y.XmlFragment>();
    for (const [type, keys] of this.#update.changed) {
      if (!this.#inDocument(type)) refuse('only the text of the document can be changed');
      // A type removed by the update is checked as a removed child of its parent, which is listed.
      if (type._item?.deleted) continue;
      if (type instanceof Y.XmlText) {
        if ([...keys].some((key) => key !== null)) refuse('it gives text settings the document does not know');
        blocks.add(this.#blockHolding(type));
      } else if (type instanceof Y.XmlElement) {
        const nodeType = elementType(type.nodeName);
        const idAttribute = idAttributeOf(type);
        if (idAttribute && keys.has(idAttribute)) this.#identified.add(type);
        if (nodeType.isTextblock) blocks.add(type);
        else if (isContainerType(nodeType)) containers.add(type);
        else blocks.add(this.#blockHolding(type));
      } else if (type instanceof Y.XmlFragment && type === this.#afterRoot) {
        if ([...keys].some((key) => key !== null)) refuse('only the text of the document can be changed');
        containers.add(type);
      } else {
        refuse('it holds a part the document does not know');
      }
    }
    for (const container of containers) this.#checkContainer(container);
    for (const block of blocks) this.#checkBlock(block);
    checkIdentities(this.#afterRoot, this.#identified);
    return this.#proposalIds;
  }

  /** Whether the type is the document's root fragment or inside it. */
  #inDocument(type: AnyType): boolean {
    let current: AnyType = type;
    while (current._item) current = current._item.parent as AnyType;
    return current === this.#afterRoot;
  }

  /** The title, heading or paragraph that holds a text or a line break. */
  #blockHolding(type: Y.XmlText | Y.XmlElement): Y.XmlElement {
    const parent = type.parent;
    if (!(parent instanceof Y.XmlElement) || !documentSchema.nodes[parent.nodeName]?.isTextblock) {
      refuse('it puts text where only paragraphs and sections belong');
    }
    return parent;
  }

  /** The same type in the room's document. */
  #beforeOf<T extends AnyType>(type: T): T {
    if (!type._item) return this.#before.getXmlFragment(DOCUMENT_FIELD) as unknown as T;
    const item = Y.getItem(this.#before.store, type._item.id) as Y.Item;
    return (item.content as Y.ContentType).type as unknown as T;
  }

  #isNew(type: AnyType): boolean {
    const id = type._item?.id;
    return id !== undefined && id.clock >= (this.#update.beforeState.get(id.client) ?? 0);
  }

  #checkBlock(after: Y.XmlElement): void {
    const before = this.#beforeOf(after);
    const was = readContent(before, 'as-stored') as Block;
    const is = readContent(after, 'strict') as Block;
    if (this.#proposing) this.#checkPlaceOfBlock(before, was);
    // Set only by the audited act, even for the pen. A new paragraph may carry a status: the
    // pen's undo brings back a deleted agreed paragraph as a new one.
    if (was.attrs.status !== is.attrs.status) {
      refuse("a paragraph's status is set with the Chair's controls, not by editing the text");
    }
    this.#checkAdded([was], [is]);
    if (was.insertion && this.#kept(was.insertion) && was.attrsKey !== is.attrsKey) {
      this.#refuseChangeOf(was.insertion, () => describeBlock(before));
    }
    this.#checkKept([was], [is], () => describeBlock(before));
    if (this.#proposing) this.#checkProposalInBlock(before, was, is);
  }

  /** Agreed paragraphs and closed sections take no new proposals. */
  #checkPlaceOfBlock(before: Y.XmlElement, was: Block): void {
    const section = before.parent;
    if (section instanceof Y.XmlElement && section.getAttribute('closed') === true) {
      refuse(`${describeSection(section)} is closed for proposals`);
    }
    if (was.agreed) refuse(`${describeBlock(before)} is agreed and takes no new proposals`);
  }

  /** Without the delegation's own suggestions, the block must read as before. */
  #checkProposalInBlock(before: Y.XmlElement, was: Block, is: Block): void {
    const delegation = this.#sender.delegationId;
    const ownBefore = proposedBy(was, delegation);
    if (ownBefore !== proposedBy(is, delegation)) {
      refuse(`${describeBlock(before)} cannot be turned into a proposed paragraph or back by editing`);
    }
    if (!ownBefore && withoutOwnSuggestions([was], delegation) !== withoutOwnSuggestions([is], delegation)) {
      refuse(
        `in ${describeBlock(before)}, the text can only change as ${this.#sender.delegationName}'s tracked proposal`,
      );
    }
  }

  #checkContainer(after: Y.XmlFragment): void {
    const before = this.#beforeOf(after);
    const keys = this.#update.changed.get(after as AnyType) ?? new Set();
    if (after instanceof Y.XmlElement && before instanceof Y.XmlElement) {
      const type = elementType(after.nodeName);
      const attrs = readAttributes(type, after.getAttributes() as Record<string, unknown>);
      if ([...keys].some((key) => key !== null)) {
        const was = readAttributesLeniently(type, before.getAttributes() as Record<string, unknown>);
        // Set only by the audited act, even for the pen.
        if (was.closed !== attrs.closed) {
          refuse("a section is opened or closed with the Chair's controls, not by editing the text");
        }
        if (this.#proposing && JSON.stringify(was) !== JSON.stringify(attrs)) {
          refuse(`the settings of ${describeSection(before)} cannot be changed`);
        }
      }
    }
    if (keys.has(null)) this.#checkChildren(after, before);
  }

  /** A section's (or the document's) list of children changed: paragraphs or sections added, removed, recreated. */
  #checkChildren(after: Y.XmlFragment, before: Y.XmlFragment): void {
    const type = after instanceof Y.XmlElement ? elementType(after.nodeName) : rootType;
    const afterChildren = after.toArray();
    const beforeChildren = before.toArray();
    this.#checkStructure(type, afterChildren, beforeChildren);
    if (this.#proposing && before instanceof Y.XmlElement && before.getAttribute('closed') === true) {
      refuse(`${describeSection(before)} is closed for proposals`);
    }
    // Children the update left in place are checked where they changed; what lies between
    // the first and the last child that is not the same item is compared as a whole.
    let start = 0;
    const shorter = Math.min(afterChildren.length, beforeChildren.length);
    while (start < shorter && sameItem(afterChildren[start], beforeChildren[start])) start++;
    let end = 0;
    while (
      end < shorter - start &&
      sameItem(afterChildren[afterChildren.length - 1 - end], beforeChildren[beforeChildren.length - 1 - end])
    ) {
      end++;
    }
    const removed = beforeChildren.slice(start, beforeChildren.length - end) as Y.XmlElement[];
    const added = afterChildren.slice(start, afterChildren.length - end) as Y.XmlElement[];
    if (removed.length === 0 && added.length === 0) return;
    const was = removed.map((child) => readContent(child, 'as-stored'));
    const is = added.map((child) => readContent(child, this.#isNew(child) ? 'strict' : 'as-stored'));
    for (const child of added) if (this.#isNew(child)) this.#identifyAdded(child);
    const where = () => describeContainer(before);
    if (this.#proposing) this.#checkNewParagraphs(added, is);
    this.#checkAdded(was, is);
    this.#checkKept(was, is, where);
    if (this.#proposing) this.#checkProposalInChildren(removed, was, is, where);
  }

  /**
   * Children an update may add to a section or to the document must fit there. A structure the
   * room's document already breaks (a revision created empty) is not held against the update.
   */
  #checkStructure(type: NodeType, afterChildren: readonly unknown[], beforeChildren: readonly unknown[]): void {
    const typesOf = (children: readonly unknown[], reading: 'strict' | 'as-stored'): NodeType[] | null => {
      const types: NodeType[] = [];
      for (const child of children) {
        if (child instanceof Y.XmlElement) {
          const childType = reading === 'strict' ? elementType(child.nodeName) : documentSchema.nodes[child.nodeName];
          if (!childType) return null;
          types.push(childType);
        } else if (child instanceof Y.XmlText && reading === 'as-stored') {
          types.push(textType);
        } else {
          refuse('it puts text or data where only paragraphs and sections belong');
        }
      }
      return types;
    };
    const afterTypes = typesOf(afterChildren, 'strict') ?? [];
    if (fitsContent(type, afterTypes)) return;
    const beforeTypes = typesOf(beforeChildren, 'as-stored');
    if (beforeTypes && fitsContent(type, beforeTypes)) {
      refuse(`it breaks the structure of the document (in a ${type.name === 'doc' ? 'document' : type.name})`);
    }
  }

  /** A part the update adds, and what it holds (a new section's parts are all new). */
  #identifyAdded(element: Y.XmlElement): void {
    if (!idAttributeOf(element)) return;
    this.#identified.add(element);
    if (element.nodeName !== 'section') return;
    for (const child of element.toArray()) if (child instanceof Y.XmlElement) this.#identifyAdded(child);
  }

  /** A paragraph a delegation proposes starts open: its status is the Chair's to set. */
  #checkNewParagraphs(added: readonly Y.XmlElement[], is: readonly Content[]): void {
    for (const [i, part] of is.entries()) {
      const element = added[i];
      if (element && this.#isNew(element) && part.kind === 'block' && part.attrs.status !== 'open') {
        refuse("a paragraph's status is set with the Chair's controls, not by editing the text");
      }
    }
  }

  /** Without the delegation's own suggestions, the children must read as before. */
  #checkProposalInChildren(removed: readonly Y.XmlElement[], was: Content[], is: Content[], where: Where): void {
    const delegation = this.#sender.delegationId;
    if (withoutOwnSuggestions(was, delegation) === withoutOwnSuggestions(is, delegation)) return;
    const agreed = removed.find((_child, i) => was[i]?.kind === 'block' && (was[i] as Block).agreed);
    if (agreed) refuse(`${describeBlock(agreed)} is agreed and takes no new proposals`);
    refuse(`in ${where()}, paragraphs can only be added or removed as ${this.#sender.delegationName}'s proposals`);
  }

  /** A suggestion nobody but its delegation may change: another delegation's, still pending. */
  #kept = (suggestion: Suggestion): boolean => {
    if (suggestion.attrs.delegation === this.#sender.delegationId) return false;
    const status = this.#record(suggestion.attrs.id)?.status;
    return status === undefined || status === 'pending';
  };

  /** Words the sender's delegation proposes to insert. */
  #ownInsertion = (run: Run): boolean =>
    run.marks.some(
      (mark) => mark.suggestion?.on === 'insertion' && mark.suggestion.attrs.delegation === this.#sender.delegationId,
    );

  #checkKept(was: Content[], is: Content[], where: Where): void {
    const changed = firstDifference(
      keptSuggestions(was, this.#kept, this.#ownInsertion),
      keptSuggestions(is, this.#kept, this.#ownInsertion),
    );
    if (changed) this.#refuseChangeOf(changed, where);
  }

  #refuseChangeOf(suggestion: Suggestion, where: Where): never {
    const owner = this.#record(suggestion.attrs.id)?.delegationName;
    refuse(
      owner
        ? `only ${owner} can change ${owner}'s proposal in ${where()}`
        : `only its delegation can change another delegation's proposal in ${where()}`,
    );
  }

  /** Suggestions the update adds must be the sender's own, in a proposal of theirs still pending. */
  #checkAdded(was: Content[], is: Content[]): void {
    const before = suggestionsIn(was);
    for (const [identity, suggestion] of suggestionsIn(is)) {
      if (before.has(identity)) continue;
      const { id, delegation, user } = suggestion.attrs;
      if (delegation !== this.#sender.delegationId || user !== this.#sender.userId) {
        refuse('a proposal must be made in your own name');
      }
      const record = this.#record(id);
      if (record && record.delegationId !== this.#sender.delegationId) {
        refuse(`that proposal is ${record.delegationName}'s; make a proposal of your own`);
      }
      if (record && record.status !== 'pending') {
        refuse(`that proposal has been ${record.status}; make a new proposal`);
      }
      this.#proposalIds.add(id);
    }
  }

  #record(id: string): Partial<ProposalRecord> | undefined {
    const record = this.#records.get(id);
    return typeof record === 'object' && record !== null ? (record as Partial<ProposalRecord>) : undefined;
  }
}

function sameItem(a: unknown, b: unknown): boolean {
  const itemA = a instanceof Y.AbstractType ? a._item : null;
  const itemB = b instanceof Y.AbstractType ? b._item : null;
  return itemA !== null && itemB !== null && Y.compareIDs(itemA.id, itemB.id);
}
