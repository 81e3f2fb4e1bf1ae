import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { demoAccounts, seedDemo } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import type { Store } from '@zerodraft/server/store/store.ts';
import { PROPOSALS_FIELD, type ProposalRecord, type Stance } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { ParagraphKind, ParagraphStatus } from '@zerodraft/shared/schema/paragraph.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import * as Y from 'yjs';

/**
 * A realistic 100-page revision for benchmarks and end-to-end tests (issue 5): about 1,500
 * paragraphs and 580,000 characters of outcome-document prose across 24 sections, with pending
 * proposals of several delegations (insertions, deletions, replacements, some on the same words
 * as another delegation's, a few paragraphs proposed whole), their records and some stances.
 * The same seed gives the same revision.
 */

/** A delegate who proposes, as the marks and the record name them. */
export interface Proposer {
  delegationId: string;
  delegationName: string;
  delegationCode: string;
  userId: string;
  userName: string;
}

export interface LargeRevisionOptions {
  seed?: number;
  paragraphs?: number;
  /** Characters of the text before any proposal. */
  characters?: number;
  /** Pending proposals. */
  proposals?: number;
  /** At least two, so that one can support or oppose another's proposal. */
  proposers?: readonly Proposer[];
  /** Paragraphs marked agreed or agreed ad ref (none of them carries a proposal). */
  agreedParagraphs?: number;
}

export interface LargeRevisionFacts {
  paragraphs: number;
  characters: number;
  sections: number;
  proposals: number;
  /** Proposals on words another delegation also proposes to delete. */
  overlapping: number;
  newParagraphs: number;
  /** Paragraphs agreed or agreed ad ref. */
  agreed: number;
  stances: number;
}

export interface LargeRevision {
  /** The revision's Y.Doc: the text in `document`, the records in `proposals`. Destroy it when done. */
  doc: Y.Doc;
  /** The whole doc as one Yjs update, as a revision's content is stored. */
  update: Uint8Array;
  records: ProposalRecord[];
  /** Pids of open paragraphs that carry no proposal: where a benchmark can type. */
  quietParagraphs: string[];
  facts: LargeRevisionFacts;
}

const fictionalProposer = (delegationName: string, code: string, userName: string): Proposer => ({
  delegationId: `d-${code.toLowerCase()}`,
  delegationName,
  delegationCode: code,
  userId: `u-${code.toLowerCase()}`,
  userName,
});

/** Delegations that propose when no meeting supplies its own; fictional people. */
export const defaultProposers: readonly Proposer[] = [
  fictionalProposer('Mexico', 'MEX', 'Lucía Hernández'),
  fictionalProposer('Japan', 'JPN', 'Haruto Sato'),
  fictionalProposer('Switzerland', 'CHE', 'Lukas Meier'),
  fictionalProposer('Nigeria', 'NGA', 'Chidi Okafor'),
  fictionalProposer('Brazil', 'BRA', 'Ana Carvalho'),
  fictionalProposer('Chile', 'CHL', 'Valentina Rojas'),
  fictionalProposer('Philippines', 'PHL', 'Maria Santos'),
];

const SECTION_HEADINGS = [
  'Implementation of the Programme of Action and the International Tracing Instrument',
  'International cooperation and assistance',
  'Preventing diversion and illicit transfer',
  'Stockpile management and physical security',
  'Marking, record-keeping and tracing',
  'Ammunition',
  'Gender perspectives and women’s participation',
  'Recent developments in manufacturing, technology and design',
  'Border controls and customs cooperation',
  'Brokering and end-user control',
  'National reporting',
  'Regional and subregional organizations',
  'Data collection and analysis',
  'Small arms and light weapons in conflict and post-conflict settings',
  'Disarmament, demobilization and reintegration',
  'Youth and armed violence',
  'Civil society and industry',
  'Capacity-building and training',
  'National legislation and regulations',
  'The 2030 Agenda for Sustainable Development',
  'Financial and technical resources',
  'Synergies with related instruments',
  'Preparations for the Fourth Review Conference',
  'Follow-up and the way forward',
];

const PREAMBULAR_OPENERS = [
  'Reaffirming',
  'Recalling',
  'Recognizing',
  'Mindful',
  'Noting with concern',
  'Welcoming',
  'Emphasizing',
  'Acknowledging',
  'Stressing',
  'Bearing in mind',
  'Convinced',
  'Expressing concern',
  'Taking note',
  'Underlining',
];

const PREAMBULAR_LINKS = [
  'the importance of',
  'the need for',
  'the role of',
  'their commitment to',
  'the contribution of',
];

const OPERATIVE_OPENINGS = [
  'States renew their commitment to',
  'States encourage',
  'States underline the value of',
  'States call upon all States to strengthen',
  'States invite States in a position to do so to support',
  'States welcome',
  'States recognize the importance of',
  'States reaffirm',
  'States request the Secretariat to report on',
  'States stress the need for',
  'States commit to enhancing',
  'States note the opportunities and challenges presented by',
  'States encourage relevant international and regional organizations to promote',
];

const OBJECTS = [
  'the full and effective implementation of the Programme of Action',
  'the International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, Illicit Small Arms and Light Weapons',
  'national coordination agencies and national points of contact',
  'international cooperation and assistance, including the transfer of technology, capacity-building and training',
  'the marking of small arms and light weapons at the time of manufacture and import',
  'the keeping of accurate and comprehensive records',
  'the timely response to tracing requests',
  'the prevention of diversion throughout the life cycle of small arms and light weapons',
  'safe and secure stockpile management',
  'the disposal of surplus, seized and collected weapons',
  'post-delivery cooperation between exporting and importing States, on a voluntary basis',
  'effective national controls over the export, import, transit and retransfer of small arms and light weapons',
  'end-user certification',
  'the full, equal and meaningful participation of women in policymaking, planning and implementation processes',
  'the mainstreaming of gender perspectives in national action plans',
  'the collection and analysis of data disaggregated by sex and age',
  'the contribution of civil society, including women’s organizations',
  'regional and subregional organizations',
  'target 16.4 of the 2030 Agenda for Sustainable Development',
  'the United Nations Trust Facility Supporting Cooperation on Arms Regulation',
  'recent developments in small arms and light weapons manufacturing, technology and design',
  'polymer and modular weapons',
  'the submission of national reports by the agreed deadline',
  'better matching of needs and resources',
  'national ownership and the sustainability of results',
  'border controls and cooperation between customs, police and intelligence services',
  'the regulation of brokering activities',
  'the illicit trade in ammunition',
  'disarmament, demobilization and reintegration programmes',
  'the prevention of armed violence affecting youth',
  'the exchange of information and experience among States',
  'national legislation, regulations and administrative procedures',
  'the follow-up to the present Meeting',
];

const CONNECTORS = [
  ', including',
  ', and',
  ', as well as',
  ', with due regard to',
  ', in accordance with',
  ', in particular',
  ', taking into account',
  ', where appropriate, through',
  ', upon request, in support of',
  ' and to promote',
];

const INSERTIONS = [
  'and ammunition',
  'as appropriate,',
  'where possible,',
  'on a voluntary basis,',
  'in accordance with national legislation,',
  'including their parts and components,',
  'full and effective',
  'with the participation of civil society,',
  'further',
  'in a timely manner,',
  'and to that end',
  'subject to the availability of resources,',
];

const REPLACEMENTS = [
  'serious',
  'encourage',
  'urge',
  'invite',
  'strengthen',
  'enhance',
  'support',
  'promote',
  'relevant',
  'effective',
  'national',
  'all States',
];

/** mulberry32: a small generator whose sequence a seed fixes. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T;
  return { next, below, pick };
}
type Random = ReturnType<typeof randomFrom>;

/** One stretch of a paragraph's text and the proposals on it; an original word keeps its trailing space. */
interface Token {
  text: string;
  italic?: boolean;
  deletedBy: SuggestionAttrs[];
  insertedBy: SuggestionAttrs | null;
}

interface Paragraph {
  pid: string;
  kind: ParagraphKind;
  status: ParagraphStatus;
  /** The proposal that proposes the paragraph whole. */
  insertion: SuggestionAttrs | null;
  tokens: Token[];
  /** How many proposals touch it. */
  proposals: number;
}

interface Section {
  sid: string;
  heading: string;
  paragraphs: Paragraph[];
}

const words = (text: string, style: Partial<Token> = {}): Token[] =>
  text.split(/(?<= )/).map((word) => ({ text: word, deletedBy: [], insertedBy: null, ...style }));

/** Outcome-document prose of about `length` characters for one paragraph. */
function prose(random: Random, kind: ParagraphKind, length: number): Token[] {
  const tokens: Token[] = [];
  let text: string;
  if (kind === 'preambular') {
    tokens.push(...words(`${random.pick(PREAMBULAR_OPENERS)} `, { italic: true }));
    text = `${random.pick(PREAMBULAR_LINKS)} ${random.pick(OBJECTS)}`;
  } else if (kind === 'operative') {
    text = `${random.pick(OPERATIVE_OPENINGS)} ${random.pick(OBJECTS)}`;
  } else {
    text = random.pick(OBJECTS);
  }
  while (text.length < length) text += `${random.pick(CONNECTORS)} ${random.pick(OBJECTS)}`;
  tokens.push(...words(`${text}${kind === 'preambular' ? ',' : ';'}`));
  return tokens;
}

/** The kinds of a section's paragraphs: preambular ones open the first; sub-paragraphs follow some operative ones. */
function kindsOf(random: Random, count: number, first: boolean): ParagraphKind[] {
  const kinds: ParagraphKind[] = [];
  const preambular = first ? Math.min(40, Math.floor(count / 3)) : 0;
  for (let i = 0; i < preambular; i++) kinds.push('preambular');
  while (kinds.length < count) {
    kinds.push('operative');
    if (random.next() < 0.15) {
      const subparagraphs = 2 + random.below(3);
      for (let i = 0; i < subparagraphs && kinds.length < count; i++) kinds.push('subparagraph');
    }
  }
  return kinds;
}

const LENGTH_FACTOR: Record<ParagraphKind, number> = { preambular: 0.8, operative: 1.15, subparagraph: 0.6 };

function generateText(random: Random, paragraphs: number, characters: number): Section[] {
  const sections: Section[] = [];
  let remainingParagraphs = paragraphs;
  let remainingCharacters = characters;
  SECTION_HEADINGS.forEach((heading, s) => {
    const letter = String.fromCharCode(97 + s);
    const count = Math.round(remainingParagraphs / (SECTION_HEADINGS.length - s));
    const section: Section = { sid: `s-${letter}`, heading: `${letter.toUpperCase()}. ${heading}`, paragraphs: [] };
    for (const [i, kind] of kindsOf(random, count, s === 0).entries()) {
      // Each paragraph aims at its share of what is left, so the total lands on `characters`.
      const share = remainingCharacters / remainingParagraphs;
      const tokens = prose(random, kind, share * LENGTH_FACTOR[kind] * (0.7 + 0.6 * random.next()));
      const pid = `p-${letter}-${String(i + 1).padStart(3, '0')}`;
      section.paragraphs.push({ pid, kind, status: 'open', insertion: null, tokens, proposals: 0 });
      remainingParagraphs--;
      remainingCharacters -= tokens.reduce((n, t) => n + t.text.length, 0);
    }
    sections.push(section);
  });
  return sections;
}

type ProposalKind = 'insertion' | 'deletion' | 'replacement' | 'overlap' | 'newParagraph';

/** Which kinds the proposals are, in a shuffled order: mostly replacements, insertions and deletions. */
function proposalKinds(random: Random, count: number): ProposalKind[] {
  const newParagraphs = Math.max(1, Math.round(count * 0.02));
  const overlaps = Math.round(count * 0.08);
  const rest = count - newParagraphs - overlaps;
  const kinds: ProposalKind[] = [
    ...Array<ProposalKind>(newParagraphs).fill('newParagraph'),
    ...Array<ProposalKind>(overlaps).fill('overlap'),
    ...Array.from({ length: rest }, (_, i): ProposalKind => {
      const share = i / rest;
      return share < 0.4 ? 'replacement' : share < 0.7 ? 'insertion' : 'deletion';
    }),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [kinds[i], kinds[j]] = [kinds[j] as ProposalKind, kinds[i] as ProposalKind];
  }
  // An overlap needs words another delegation proposed to delete first.
  return [...kinds.filter((k) => k !== 'overlap'), ...kinds.filter((k) => k === 'overlap')];
}

/** A free stretch of 1–4 original words, not the paragraph's last (its punctuation), no proposal on it yet. */
function freeWords(random: Random, paragraph: Paragraph): [from: number, to: number] | null {
  const { tokens } = paragraph;
  for (let attempt = 0; attempt < 20; attempt++) {
    const from = 1 + random.below(Math.max(1, tokens.length - 3));
    const to = Math.min(tokens.length - 1, from + 1 + random.below(4));
    const stretch = tokens.slice(from - 1, to + 1);
    if (stretch.every((t) => t.deletedBy.length === 0 && t.insertedBy === null && !t.italic)) return [from, to];
  }
  return null;
}

function addProposals(
  random: Random,
  sections: Section[],
  count: number,
  proposers: readonly Proposer[],
): { proposals: { attrs: SuggestionAttrs; proposer: Proposer }[]; overlapping: number } {
  const all = sections.flatMap((s) => s.paragraphs);
  const proposals: { attrs: SuggestionAttrs; proposer: Proposer }[] = [];
  /** Words proposed for deletion, for overlaps: the paragraph, its words, and who proposed it. */
  const deletions: { paragraph: Paragraph; words: Token[]; by: string }[] = [];
  let overlapping = 0;
  const start = Date.parse('2021-07-27T14:00:00.000Z');

  for (const [n, kind] of proposalKinds(random, count).entries()) {
    const proposer = random.pick(proposers);
    const attrs: SuggestionAttrs = {
      id: `large-${String(n + 1).padStart(5, '0')}`,
      delegation: proposer.delegationId,
      user: proposer.userId,
      time: new Date(start + n * 47_000).toISOString(),
    };
    const inserted = (text: string): Token => ({ text, deletedBy: [], insertedBy: attrs });

    if (kind === 'newParagraph') {
      const section = random.pick(sections);
      const at = 1 + random.below(section.paragraphs.length);
      const tokens = prose(random, 'operative', 300).map((t) => ({ ...t, insertedBy: attrs }));
      const pid = `p-new-${String(n + 1).padStart(5, '0')}`;
      section.paragraphs.splice(at, 0, {
        pid,
        kind: 'operative',
        status: 'open',
        insertion: attrs,
        tokens,
        proposals: 1,
      });
    } else if (kind === 'overlap') {
      const candidates = deletions.filter((d) => d.by !== proposer.delegationId);
      const target = candidates[random.below(candidates.length)];
      if (!target) continue;
      const { paragraph, words: deleted } = target;
      for (const token of deleted) token.deletedBy.push(attrs);
      // Half of them replace the words another delegation deletes: "grave" → "serious".
      if (random.next() < 0.5) {
        let end = paragraph.tokens.indexOf(deleted.at(-1) as Token) + 1;
        while (paragraph.tokens[end]?.insertedBy) end++;
        paragraph.tokens.splice(end, 0, inserted(`${random.pick(REPLACEMENTS)} `));
      }
      paragraph.proposals++;
      overlapping++;
    } else {
      const paragraph = all[random.below(all.length)] as Paragraph;
      const stretch = freeWords(random, paragraph);
      if (!stretch) continue;
      const [from, to] = stretch;
      if (kind === 'insertion') {
        paragraph.tokens.splice(from, 0, inserted(`${random.pick(INSERTIONS)} `));
      } else {
        const deleted = paragraph.tokens.slice(from, to);
        for (const token of deleted) token.deletedBy.push(attrs);
        deletions.push({ paragraph, words: deleted, by: proposer.delegationId });
        if (kind === 'replacement') paragraph.tokens.splice(to, 0, inserted(`${random.pick(REPLACEMENTS)} `));
      }
      paragraph.proposals++;
    }
    proposals.push({ attrs, proposer });
  }
  return { proposals, overlapping };
}

function markAgreed(random: Random, sections: Section[], count: number): void {
  const quiet = sections.flatMap((s) => s.paragraphs).filter((p) => p.proposals === 0);
  for (let i = 0; i < count && quiet.length > 0; i++) {
    const [paragraph] = quiet.splice(random.below(quiet.length), 1);
    if (paragraph) paragraph.status = random.next() < 0.7 ? 'agreed' : 'agreed_ad_ref';
  }
}

interface Json {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Json[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

function paragraphJson(paragraph: Paragraph): Json {
  const content: Json[] = paragraph.tokens.map((token) => {
    const marks = [
      ...(token.italic ? [{ type: 'italic' }] : []),
      ...token.deletedBy.map((attrs) => ({ type: 'deletion', attrs: { ...attrs } })),
      ...(token.insertedBy ? [{ type: 'insertion', attrs: { ...token.insertedBy } }] : []),
    ];
    return marks.length ? { type: 'text', text: token.text, marks } : { type: 'text', text: token.text };
  });
  return {
    type: 'paragraph',
    attrs: { pid: paragraph.pid, kind: paragraph.kind, status: paragraph.status, insertion: paragraph.insertion },
    content,
  };
}

function documentJson(sections: Section[]): Json {
  return {
    type: 'doc',
    content: [
      {
        type: 'title',
        content: [
          {
            type: 'text',
            text:
              'Draft outcome document of the Seventh Biennial Meeting of States to Consider the Implementation of ' +
              'the Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light ' +
              'Weapons in All Its Aspects',
          },
        ],
      },
      ...sections.map((section) => ({
        type: 'section',
        attrs: { sid: section.sid },
        content: [
          { type: 'sectionHeading', content: [{ type: 'text', text: section.heading }] },
          ...section.paragraphs.map(paragraphJson),
        ],
      })),
    ],
  };
}

function recordOf(
  random: Random,
  { attrs, proposer }: { attrs: SuggestionAttrs; proposer: Proposer },
  proposers: readonly Proposer[],
): ProposalRecord {
  const createdAt = attrs.time;
  const by = (p: Proposer) => ({ userName: p.userName, delegationName: p.delegationName });
  const record: ProposalRecord = {
    id: attrs.id,
    delegationId: proposer.delegationId,
    delegationName: proposer.delegationName,
    delegationCode: proposer.delegationCode,
    userId: proposer.userId,
    userName: proposer.userName,
    createdAt,
    rationale:
      random.next() < 0.2 ? 'To align the text with the language agreed at the Third Review Conference.' : null,
    status: 'pending',
    stances: {},
    inserted: null,
    deleted: null,
    history: [{ act: 'proposed', ...by(proposer), at: createdAt }],
  };
  if (record.rationale) record.history.push({ act: 'rationale', ...by(proposer), at: createdAt });
  // About half the proposals draw stances from one to three other delegations.
  if (random.next() < 0.5) {
    const others = proposers.filter((p) => p.delegationId !== proposer.delegationId);
    const count = 1 + random.below(Math.min(3, others.length));
    for (let i = 0; i < count; i++) {
      const other = random.pick(others);
      const stance: Stance = random.next() < 0.7 ? 'support' : 'oppose';
      const at = new Date(Date.parse(createdAt) + (i + 1) * 60_000).toISOString();
      record.stances[other.delegationId] = { stance, ...by(other), at };
      record.history.push({ act: stance, ...by(other), at });
    }
  }
  return record;
}

/** Builds the revision; deterministic for a given seed and options. */
export function largeRevision({
  seed = 7,
  paragraphs = 1500,
  characters = 580_000,
  proposals: proposalCount = 500,
  proposers = defaultProposers,
  agreedParagraphs = 30,
}: LargeRevisionOptions = {}): LargeRevision {
  if (proposers.length < 2) throw new Error('A large revision needs at least two proposing delegations');
  const random = randomFrom(seed);
  const sections = generateText(random, paragraphs, characters);
  const textCharacters = sections.reduce(
    (n, s) => n + s.paragraphs.reduce((m, p) => m + p.tokens.reduce((k, t) => k + t.text.length, 0), 0),
    0,
  );
  const { proposals, overlapping } = addProposals(random, sections, proposalCount, proposers);
  markAgreed(random, sections, agreedParagraphs);
  const records = proposals.map((p) => recordOf(random, p, proposers));

  const doc = new Y.Doc();
  // A Yjs client id of the seed's own, so the same seed gives the same bytes.
  doc.clientID = seed >>> 0;
  prosemirrorJSONToYXmlFragment(documentSchema, documentJson(sections), doc.getXmlFragment(DOCUMENT_FIELD));
  const map = doc.getMap<ProposalRecord>(PROPOSALS_FIELD);
  doc.transact(() => {
    for (const record of records) map.set(record.id, record);
  });
  const all = sections.flatMap((s) => s.paragraphs);
  return {
    doc,
    update: Y.encodeStateAsUpdate(doc),
    records,
    quietParagraphs: all.filter((p) => p.proposals === 0 && p.status === 'open').map((p) => p.pid),
    facts: {
      paragraphs: all.length,
      characters: textCharacters,
      sections: sections.length,
      proposals: records.length,
      overlapping,
      newParagraphs: all.filter((p) => p.insertion).length,
      agreed: all.filter((p) => p.status !== 'open').length,
      stances: records.reduce((n, r) => n + Object.keys(r.stances).length, 0),
    },
  };
}

export interface StoredLargeRevision {
  revisionId: string;
  documentId: string;
  meetingId: string;
  quietParagraphs: string[];
  facts: LargeRevisionFacts;
}

/**
 * Adds a document to the meeting with one circulated revision holding a large revision, its
 * proposals made by the meeting's own delegates (so names and ids are the real ones).
 */
export async function storeLargeRevision(
  store: Store,
  meetingId: string,
  options: Omit<LargeRevisionOptions, 'proposers'> = {},
): Promise<StoredLargeRevision> {
  const proposers: Proposer[] = [];
  for (const participant of await store.listParticipants(meetingId)) {
    if (participant.role !== 'delegation') continue;
    const [delegation, user] = await Promise.all([
      store.findDelegation(participant.delegationId),
      store.findUserById(participant.userId),
    ]);
    if (!delegation || !user) continue;
    proposers.push({
      delegationId: delegation.id,
      delegationName: delegation.name,
      delegationCode: delegation.code,
      userId: user.id,
      userName: user.name,
    });
  }
  const revision = largeRevision({ ...options, proposers });
  revision.doc.destroy();
  const document = await store.createDocument({ id: randomUUID(), meetingId, title: 'Outcome document (long form)' });
  const { id: revisionId } = await store.createRevision({
    id: randomUUID(),
    documentId: document.id,
    name: 'Draft 3',
    state: 'circulated',
  });
  await store.appendUpdate(revisionId, revision.update);
  return {
    revisionId,
    documentId: document.id,
    meetingId,
    quietParagraphs: revision.quietParagraphs,
    facts: revision.facts,
  };
}

/**
 * Opens the SQLite file (before the server starts, or beside a running one), seeds the BMS7
 * demo into it if it is empty, adds a large revision to the demo meeting, and closes the file.
 */
export async function addLargeRevision(
  databasePath: string,
  options: Omit<LargeRevisionOptions, 'proposers'> = {},
): Promise<StoredLargeRevision> {
  const store = new SqliteStore({ path: databasePath });
  try {
    await seedDemo(store);
    const chair = demoAccounts.find((a) => a.role === 'chair');
    const user = chair && (await store.findUserByEmail(chair.email));
    const meetingId = user && (await store.listParticipations(user.id))[0]?.meetingId;
    if (!meetingId) throw new Error(`${databasePath} holds no BMS7 demo meeting`);
    return await storeLargeRevision(store, meetingId, options);
  } finally {
    await store.close();
  }
}
