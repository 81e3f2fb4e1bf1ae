import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { Compilation, CompilationInline } from '../api/compilation.ts';
import { documentSchema } from '../schema/document.ts';
import type { SuggestionAttrs } from '../schema/suggestions.ts';
import { json } from '../schema/test-editor.ts';
import { compile, UNKNOWN_DELEGATION } from './compilation.ts';
import type { ProposalRecord, StanceRecord } from './record.ts';

const at = '2026-11-25T10:00:00.000Z';
const mexico: SuggestionAttrs = { id: 'prop-mexico-1', delegation: 'd-mex', user: 'u-lucia', time: at };
const japan: SuggestionAttrs = { id: 'prop-japan-1', delegation: 'd-jpn', user: 'u-haruto', time: at };
const brazil: SuggestionAttrs = { id: 'prop-brazil-1', delegation: 'd-bra', user: 'u-ana', time: at };

const names: Record<string, string> = { 'd-mex': 'Mexico', 'd-jpn': 'Japan', 'd-bra': 'Brazil', 'd-chl': 'Chile' };

const stance = (delegationName: string, kind: StanceRecord['stance']): StanceRecord => ({
  stance: kind,
  delegationName,
  userName: `A delegate of ${delegationName}`,
  at,
});

function record(attrs: SuggestionAttrs, stances: ProposalRecord['stances'] = {}): ProposalRecord {
  const delegationName = names[attrs.delegation] ?? attrs.delegation;
  return {
    id: attrs.id,
    delegationId: attrs.delegation,
    delegationName,
    delegationCode: delegationName.slice(0, 3).toUpperCase(),
    userId: attrs.user,
    userName: attrs.user,
    createdAt: at,
    rationale: null,
    status: 'pending',
    stances,
    inserted: null,
    deleted: null,
    history: [{ act: 'proposed', userName: attrs.user, delegationName, at }],
  };
}

type MarkJson = { type: string; attrs?: Record<string, unknown> };

const text = (words: string, ...marks: MarkJson[]): JSONContent =>
  marks.length ? { type: 'text', text: words, marks } : { type: 'text', text: words };
const inserted = (attrs: SuggestionAttrs): MarkJson => ({ type: 'insertion', attrs });
const deleted = (attrs: SuggestionAttrs): MarkJson => ({ type: 'deletion', attrs });

const paragraph = (pid: string, kind: string, content: JSONContent[], attrs: object = {}): JSONContent => ({
  type: 'paragraph',
  attrs: { pid, kind, ...attrs },
  content,
});

function compiled(
  sections: JSONContent[],
  records: ProposalRecord[] = [],
  delegations: Record<string, string> = names,
): Compilation {
  const doc = documentSchema.nodeFromJSON(json.doc(...sections));
  return compile(doc, {
    records: new Map(records.map((r) => [r.id, r])),
    delegations: new Map(Object.entries(delegations)),
  });
}

/** The words as a compilation prints them: [-deleted-], [+inserted+], (attribution). */
function printed(content: CompilationInline[], { proposals }: Compilation): string {
  return content
    .map((part) => {
      if ('proposal' in part) return ` (${proposals[part.proposal]?.attribution})`;
      let words = part.text;
      if (part.italic) words = `_${words}_`;
      if (part.deleted) words = `[-${words}-]`;
      if (part.inserted) words = `[+${words}+]`;
      return words;
    })
    .join('');
}

const onlyParagraph = (compilation: Compilation) => {
  const found = compilation.sections[0]?.paragraphs[0];
  if (!found) throw new Error('The compilation has no paragraph');
  return found;
};

describe('the compilation text', () => {
  it('prints the title, headings and paragraphs without proposals plainly, numbered as in the editor', () => {
    const compilation = compiled([
      json.section(
        's-a',
        'A. Implementation',
        paragraph('p-1', 'preambular', [text('Reaffirming', { type: 'italic' }), text(' their commitment,')]),
        json.paragraph('p-2', 'operative', 'States renew their commitment;'),
        json.paragraph('p-3', 'subparagraph', 'the marking of weapons;'),
        json.paragraph('p-4', 'subparagraph', 'the keeping of records;'),
      ),
      json.section('s-b', 'B. Cooperation', json.paragraph('p-5', 'operative', 'States reaffirm cooperation;')),
    ]);

    expect(printed(compilation.title, compilation)).toBe('Draft outcome document');
    expect(compilation.sections.map((s) => printed(s.heading, compilation))).toEqual([
      'A. Implementation',
      'B. Cooperation',
    ]);
    const all = compilation.sections.flatMap((s) => s.paragraphs);
    expect(all.map((p) => [p.number, printed(p.content, compilation)])).toEqual([
      [null, '_Reaffirming_ their commitment,'],
      ['1.', 'States renew their commitment;'],
      ['(a)', 'the marking of weapons;'],
      ['(b)', 'the keeping of records;'],
      ['2.', 'States reaffirm cooperation;'],
    ]);
    expect(all.every((p) => p.status === 'open' && p.statusName === null && p.proposed === null)).toBe(true);
    expect(compilation.proposals).toEqual({});
  });

  it('follows a replacement with one attribution naming its supporters and opponents', () => {
    const compilation = compiled(
      [
        json.section(
          's-a',
          'A. General',
          paragraph('p-1', 'operative', [
            text('Expresses '),
            text('grave', deleted(mexico)),
            text('serious', inserted(mexico)),
            text(' concern'),
          ]),
        ),
      ],
      [
        record(mexico, {
          'd-peru': stance('Peru', 'support'),
          'd-jpn': stance('Japan', 'oppose'),
          'd-chl': stance('Chile', 'support'),
        }),
      ],
    );

    const { content } = onlyParagraph(compilation);
    expect(printed(content, compilation)).toBe(
      'Expresses [-grave-][+serious+] (Mexico; supported by Chile, Peru; opposed by Japan) concern',
    );
    expect(content).toEqual([
      { text: 'Expresses ' },
      { text: 'grave', deleted: [mexico.id] },
      { text: 'serious', inserted: [mexico.id] },
      { proposal: mexico.id },
      { text: ' concern' },
    ]);
  });

  it('keeps overlapping proposals of two delegations on the same words apart, each with its attribution', () => {
    // Mexico deletes "grave" while Japan replaces it with "serious" (issue 5).
    const compilation = compiled(
      [
        json.section(
          's-a',
          'A. General',
          paragraph('p-1', 'operative', [
            text('Expresses '),
            text('grave', deleted(mexico), deleted(japan)),
            text('serious', inserted(japan)),
            text(' concern'),
          ]),
        ),
      ],
      [record(mexico), record(japan, { 'd-mex': stance('Mexico', 'oppose') })],
    );

    const { content } = onlyParagraph(compilation);
    expect(printed(content, compilation)).toBe(
      'Expresses [-grave-] (Mexico)[+serious+] (Japan; opposed by Mexico) concern',
    );
    expect(content[1]).toEqual({ text: 'grave', deleted: [mexico.id, japan.id] });
  });

  it('names first the proposal that began first where two end together', () => {
    const compilation = compiled(
      [
        json.section(
          's-a',
          'A. General',
          paragraph('p-1', 'operative', [
            text('States '),
            text('strongly ', deleted(brazil)),
            text('urge', deleted(brazil), deleted(japan)),
            text(' States'),
          ]),
        ),
      ],
      [record(brazil), record(japan)],
    );

    expect(printed(onlyParagraph(compilation).content, compilation)).toBe(
      'States [-strongly -][-urge-] (Brazil) (Japan) States',
    );
  });

  it('attributes each stretch of a proposal that changes two places of one paragraph', () => {
    const compilation = compiled(
      [
        json.section(
          's-a',
          'A. General',
          paragraph('p-1', 'operative', [
            text('States '),
            text('fully ', inserted(mexico)),
            text('implement the Programme of Action and '),
            text('where possible ', deleted(mexico)),
            text('the Instrument;'),
          ]),
        ),
      ],
      [record(mexico)],
    );

    expect(printed(onlyParagraph(compilation).content, compilation)).toBe(
      'States [+fully +] (Mexico)implement the Programme of Action and [-where possible -] (Mexico)the Instrument;',
    );
  });

  it('shows a paragraph proposed whole in its place, named once as the new paragraph’s proposal', () => {
    const compilation = compiled(
      [
        json.section(
          's-a',
          'A. General',
          json.paragraph('p-1', 'operative', 'States renew their commitment;'),
          paragraph(
            'p-2',
            'operative',
            [
              text('Calls upon States to ', inserted(mexico)),
              text('mark', inserted(mexico), deleted(japan)),
              text(' ammunition;', inserted(mexico)),
            ],
            {
              insertion: mexico,
            },
          ),
          json.paragraph('p-3', 'operative', 'States welcome the Trust Facility;'),
        ),
      ],
      [record(mexico, { 'd-bra': stance('Brazil', 'support') }), record(japan)],
    );

    const [first, proposed, third] = compilation.sections[0]?.paragraphs ?? [];
    expect(proposed).toMatchObject({ number: '2.', proposed: mexico.id });
    expect(compilation.proposals[mexico.id]?.attribution).toBe('Mexico; supported by Brazil');
    // Mexico's words are the new paragraph itself; Japan's deletion inside it is attributed as usual.
    expect(printed(proposed?.content ?? [], compilation)).toBe(
      '[+Calls upon States to +][+[-mark-]+] (Japan)[+ ammunition;+]',
    );
    expect([first?.number, third?.number]).toEqual(['1.', '3.']);
  });

  it('names the delegation from the mark when the proposal has no record yet, and a neutral name if unknown', () => {
    const stranger: SuggestionAttrs = { id: 'prop-unknown-1', delegation: 'd-unknown', user: 'u-x', time: at };
    const compilation = compiled([
      json.section(
        's-a',
        'A. General',
        paragraph('p-1', 'operative', [text('States '), text('fully ', inserted(brazil)), text('implement;')]),
        paragraph('p-2', 'operative', [text('States '), text('also ', inserted(stranger)), text('act;')]),
      ),
    ]);

    const [first, second] = compilation.sections[0]?.paragraphs ?? [];
    expect(printed(first?.content ?? [], compilation)).toBe('States [+fully +] (Brazil)implement;');
    expect(printed(second?.content ?? [], compilation)).toBe(`States [+also +] (${UNKNOWN_DELEGATION})act;`);
    expect(compilation.proposals[stranger.id]).toEqual({
      delegationName: UNKNOWN_DELEGATION,
      attribution: UNKNOWN_DELEGATION,
    });
  });

  it('marks agreed paragraphs and closed sections, keeping the proposals already made on them', () => {
    const compilation = compiled(
      [
        {
          ...json.section(
            's-a',
            'A. General',
            paragraph('p-1', 'operative', [text('States renew their commitment;')], { status: 'agreed' }),
            paragraph('p-2', 'operative', [text('States '), text('warmly ', inserted(japan)), text('welcome;')], {
              status: 'agreed_ad_ref',
            }),
          ),
          attrs: { sid: 's-a', closed: true },
        },
      ],
      [record(japan)],
    );

    const [section] = compilation.sections;
    expect(section?.closed).toBe(true);
    expect(section?.paragraphs.map((p) => [p.status, p.statusName])).toEqual([
      ['agreed', 'Agreed'],
      ['agreed_ad_ref', 'Agreed ad ref'],
    ]);
    expect(printed(section?.paragraphs[1]?.content ?? [], compilation)).toBe('States [+warmly +] (Japan)welcome;');
  });

  it('prints a line break inside a paragraph as a line break', () => {
    const compilation = compiled([
      json.section(
        's-a',
        'A. General',
        paragraph('p-1', 'operative', [text('First line'), { type: 'hardBreak' }, text('second line')]),
      ),
    ]);
    expect(onlyParagraph(compilation).content).toEqual([{ text: 'First line\nsecond line' }]);
  });
});
