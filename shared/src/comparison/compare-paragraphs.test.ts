import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow, WordSegment } from '../api/comparison.ts';
import { documentSchema } from '../schema/document.ts';
import type { ParagraphKind } from '../schema/paragraph.ts';
import { json } from '../schema/test-editor.ts';
import { comparableParagraphs } from './comparable-paragraphs.ts';
import { type ComparableParagraph, compareParagraphs } from './compare-paragraphs.ts';

const { doc, section, paragraph } = json;

const revision = (...sections: JSONContent[]) => comparableParagraphs(documentSchema.nodeFromJSON(doc(...sections)));

/** The words of a row as a redline prints them: [+inserted+] and [-deleted-]. */
const redline = (segments: readonly WordSegment[]) =>
  segments
    .map(({ text, change }) => (change === 'inserted' ? `[+${text}+]` : change === 'deleted' ? `[-${text}-]` : text))
    .join('');

/** Each row in a line a reader could say: "changed 2 (was 1): States [+firmly +]renew". */
const described = (rows: readonly ComparisonRow[]) =>
  rows.map((row) => {
    const place =
      row.old && row.new
        ? row.old.label === row.new.label
          ? row.new.label
          : `${row.new.label} (was ${row.old.label})`
        : (row.new?.label ?? `${row.old?.label} of the older`);
    return `${row.change} ${place}: ${redline(row.segments)}`;
  });

const operatives = (...texts: [pid: string, words: string, kind?: ParagraphKind][]) =>
  section('s-a', 'A. Implementation', ...texts.map(([pid, words, kind = 'operative']) => paragraph(pid, kind, words)));

describe('comparing two revisions paragraph by paragraph', () => {
  it('shows a reworded paragraph word by word, and the words give back both texts', () => {
    const { rows, counts } = compareParagraphs(
      revision(operatives(['p-1', 'States renew their commitment to the full and effective implementation.'])),
      revision(operatives(['p-1', 'States firmly renew their commitment to the effective implementation.'])),
    );
    expect(described(rows)).toEqual([
      'changed 1: States [+firmly +]renew their commitment to the [-full and -]effective implementation.',
    ]);
    expect(counts).toEqual({ unchanged: 0, changed: 1, inserted: 0, deleted: 0, moved: 0 });
    const [row] = rows;
    const text = (keep: WordSegment['change']) =>
      row?.segments
        .filter((s) => s.change === 'same' || s.change === keep)
        .map((s) => s.text)
        .join('');
    expect(text('deleted')).toBe('States renew their commitment to the full and effective implementation.');
    expect(text('inserted')).toBe('States firmly renew their commitment to the effective implementation.');
  });

  it('says where a paragraph was when a new one renumbers it', () => {
    const { rows, counts } = compareParagraphs(
      revision(operatives(['p-1', 'One.'], ['p-2', 'Two.'], ['p-3', 'Three.'])),
      revision(operatives(['p-1', 'One.'], ['p-new', 'New.'], ['p-2', 'Two.'], ['p-3', 'Three.'])),
    );
    expect(described(rows)).toEqual([
      'unchanged 1: One.',
      'inserted 2: [+New.+]',
      'unchanged 3 (was 2): Two.',
      'unchanged 4 (was 3): Three.',
    ]);
    expect(rows[2]).toMatchObject({
      pid: 'p-2',
      old: { kind: 'operative', number: '2.', label: '2' },
      new: { number: '3.', label: '3' },
    });
    expect(counts).toEqual({ unchanged: 3, changed: 0, inserted: 1, deleted: 0, moved: 0 });
  });

  it('letters sub-paragraphs under their paragraph and follows them when one is added', () => {
    const { rows } = compareParagraphs(
      revision(
        operatives(
          ['p-1', 'States encourage:'],
          ['p-1-a', 'marking;', 'subparagraph'],
          ['p-1-b', 'tracing.', 'subparagraph'],
        ),
      ),
      revision(
        operatives(
          ['p-1', 'States encourage:'],
          ['p-1-new', 'record-keeping;', 'subparagraph'],
          ['p-1-a', 'marking;', 'subparagraph'],
          ['p-1-b', 'tracing.', 'subparagraph'],
        ),
      ),
    );
    expect(described(rows)).toEqual([
      'unchanged 1: States encourage:',
      'inserted 1 (a): [+record-keeping;+]',
      'unchanged 1 (b) (was 1 (a)): marking;',
      'unchanged 1 (c) (was 1 (b)): tracing.',
    ]);
    expect(rows[2]?.new).toEqual({ kind: 'subparagraph', number: '(b)', label: '1 (b)' });
  });

  it('shows a deleted paragraph where it stood, before what replaced it', () => {
    const { rows, counts } = compareParagraphs(
      revision(operatives(['p-1', 'One.'], ['p-2', 'Two.'], ['p-3', 'Three.'])),
      revision(operatives(['p-new', 'New.'], ['p-1', 'One.'], ['p-2b', 'Two, again.'], ['p-3', 'Three.'])),
    );
    expect(described(rows)).toEqual([
      'inserted 1: [+New.+]',
      'unchanged 2 (was 1): One.',
      'deleted 2 of the older: [-Two.-]',
      'inserted 3: [+Two, again.+]',
      'unchanged 4 (was 3): Three.',
    ]);
    expect(counts).toEqual({ unchanged: 2, changed: 0, inserted: 2, deleted: 1, moved: 0 });
  });

  it('puts a paragraph deleted before every other at the top', () => {
    const { rows } = compareParagraphs(
      revision(operatives(['p-1', 'One.'], ['p-2', 'Two.'])),
      revision(operatives(['p-2', 'Two.'])),
    );
    expect(described(rows)).toEqual(['deleted 1 of the older: [-One.-]', 'unchanged 1 (was 2): Two.']);
  });

  it('marks a moved paragraph at its new place with its old number; the others keep their order', () => {
    const { rows, counts } = compareParagraphs(
      revision(operatives(['p-1', 'One.'], ['p-2', 'Two.'], ['p-3', 'Three.'], ['p-4', 'Four.'])),
      revision(operatives(['p-2', 'Two.'], ['p-3', 'Three.'], ['p-1', 'One.'], ['p-4', 'Four.'])),
    );
    expect(described(rows)).toEqual([
      'unchanged 1 (was 2): Two.',
      'unchanged 2 (was 3): Three.',
      'moved 3 (was 1): One.',
      'unchanged 4: Four.',
    ]);
    expect(rows[2]?.wordsChanged).toBe(false);
    expect(counts.moved).toBe(1);
  });

  it('shows a paragraph both moved and reworded with its words changed', () => {
    const { rows } = compareParagraphs(
      revision(operatives(['p-1', 'States meet in 2022.'], ['p-2', 'Two.'], ['p-3', 'Three.'])),
      revision(operatives(['p-2', 'Two.'], ['p-3', 'Three.'], ['p-1', 'States meet in 2024.'])),
    );
    expect(described(rows)).toEqual([
      'unchanged 1 (was 2): Two.',
      'unchanged 2 (was 3): Three.',
      'moved 3 (was 1): States meet in [-2022-][+2024+].',
    ]);
    expect(rows[2]).toMatchObject({ change: 'moved', wordsChanged: true });
  });

  it('follows a paragraph into another section and a preambular paragraph made operative', () => {
    const { rows } = compareParagraphs(
      revision(
        section(
          's-a',
          'A. Implementation',
          paragraph('p-pp', 'preambular', 'Recalling,'),
          paragraph('p-1', 'operative', 'One.'),
        ),
        section('s-b', 'B. Cooperation', paragraph('p-2', 'operative', 'Two.')),
      ),
      revision(
        section('s-a', 'A. Implementation', paragraph('p-pp', 'operative', 'Recalling,')),
        section(
          's-b',
          'B. Cooperation and assistance',
          paragraph('p-1', 'operative', 'One.'),
          paragraph('p-2', 'operative', 'Two.'),
        ),
      ),
    );
    expect(rows.map((row) => [row.pid, row.change, row.old?.kind, row.new?.kind, row.section.heading])).toEqual([
      ['p-pp', 'unchanged', 'preambular', 'operative', 'A. Implementation'],
      ['p-1', 'unchanged', 'operative', 'operative', 'B. Cooperation and assistance'],
      ['p-2', 'unchanged', 'operative', 'operative', 'B. Cooperation and assistance'],
    ]);
    expect(rows[0]?.old?.label).toBe('1');
  });

  it('compares empty revisions: nothing, all inserted, all deleted', () => {
    const empty = revision(section('s-a', 'A. Implementation'));
    const some = revision(operatives(['p-1', 'One.'], ['p-2', '']));
    expect(compareParagraphs(empty, empty).rows).toEqual([]);
    expect(compareParagraphs([], []).rows).toEqual([]);
    expect(described(compareParagraphs(empty, some).rows)).toEqual(['inserted 1: [+One.+]', 'inserted 2: ']);
    expect(described(compareParagraphs(some, empty).rows)).toEqual([
      'deleted 1 of the older: [-One.-]',
      'deleted 2 of the older: ',
    ]);
    expect(compareParagraphs(some, some).counts).toEqual({
      unchanged: 2,
      changed: 0,
      inserted: 0,
      deleted: 0,
      moved: 0,
    });
  });

  it('compares two 1,500-paragraph revisions with changes all through them', () => {
    const words = [
      'States',
      'encourage',
      'the',
      'full',
      'and',
      'effective',
      'implementation',
      'of',
      'the',
      'Programme',
    ];
    const prose = (n: number) =>
      Array.from({ length: 40 + (n % 30) }, (_, i) => words[(i * 7 + n) % words.length])
        .join(' ')
        .concat(';');
    const paragraph = (n: number, kind: ParagraphKind = 'operative'): ComparableParagraph => ({
      pid: `p-${n}`,
      place: { kind, number: `${n + 1}.`, label: String(n + 1) },
      section: { sid: `s-${Math.floor(n / 60)}`, heading: `Section ${Math.floor(n / 60)}` },
      text: prose(n),
    });
    const before = Array.from({ length: 1_500 }, (_, n) => paragraph(n));
    const after: ComparableParagraph[] = [];
    for (const p of before) {
      const n = Number(p.pid.slice(2));
      if (n % 100 === 7) continue; // 15 deleted
      if (n % 50 === 3)
        after.push({ ...p, text: `Further, ${p.text}` }); // 30 reworded
      else if (n % 100 === 11)
        after.push({ ...p, text: `${p.text} New words.` }); // 15 more
      else after.push(p);
      if (n % 150 === 0) after.push({ ...paragraph(10_000 + n), text: 'A new paragraph.' }); // 10 inserted
    }
    // Five paragraphs moved to the end, one of them reworded too.
    for (const pid of ['p-20', 'p-400', 'p-800', 'p-1200', 'p-1499']) {
      const at = after.findIndex((p) => p.pid === pid);
      const [moved] = after.splice(at, 1);
      if (moved) after.push(pid === 'p-800' ? { ...moved, text: `${moved.text} Moved.` } : moved);
    }
    // 'p-1499' was last already: moving it to the end moves nothing.
    const { rows, counts } = compareParagraphs(before, after);
    expect(counts).toEqual({ unchanged: 1_500 - 15 - 30 - 15 - 4, changed: 45, inserted: 10, deleted: 15, moved: 4 });
    expect(rows).toHaveLength(1_500 + 10);
    expect(rows.filter((r) => r.change === 'moved').map((r) => [r.pid, r.wordsChanged])).toEqual([
      ['p-20', false],
      ['p-400', false],
      ['p-800', true],
      ['p-1200', false],
    ]);
    expect(rows.findIndex((r) => r.pid === 'p-107')).toBe(rows.findIndex((r) => r.pid === 'p-106') + 1);
    expect(redline(rows.find((r) => r.pid === 'p-53')?.segments ?? [])).toMatch(/^\[\+Further, \+\][^[]+;$/);
  });
});
