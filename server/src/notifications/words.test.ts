import { deadlineClock } from '@zerodraft/shared/lifecycle/silence.ts';
import { describe, expect, it } from 'vitest';
import { type ActorNamed, opening, possessive, proposalsWords, silenceWords } from './words.ts';

const draft1 = { revisionName: 'Draft 1', documentTitle: 'Outcome document' };
const chair: ActorNamed = { name: 'Amina Wanjiru', delegation: 'Kenya', role: 'chair' };
const penHolder: ActorNamed = { name: 'Ana Carvalho', delegation: 'Brazil', role: 'bureau' };
const newYork = { timeZone: 'America/New_York', venue: 'New York' };

describe('the words of a notification', () => {
  it('quotes the opening of a long text up to a word, and all of a short one', () => {
    expect(opening('  Nigeria   objects\nto paragraph 12. ', 160)).toBe('Nigeria objects to paragraph 12.');
    expect(opening('Excellency, I have the honour to circulate Draft 1 of the outcome document', 40)).toBe(
      'Excellency, I have the honour to…',
    );
  });

  it('says whose proposals they are, as English writes it', () => {
    expect(possessive('Mexico')).toBe("Mexico's");
    expect(possessive('Philippines')).toBe("Philippines'");
  });

  it('names a bulk decision once, listing three proposals and counting the rest, and who took it', () => {
    const proposals = [
      { inserted: 'firmly', deleted: null, lapsed: false },
      { inserted: null, deleted: 'yet', lapsed: false },
      { inserted: 'serious', deleted: 'grave', lapsed: false },
      { inserted: 'and sharing', deleted: null, lapsed: false },
      { inserted: null, deleted: 'fully', lapsed: true },
    ];
    expect(proposalsWords(draft1, 'Mexico', 'rejected', proposals, penHolder)).toEqual({
      headline: "5 of Mexico's proposals on Draft 1 were rejected",
      message:
        "Ana Carvalho (Brazil) rejected 5 of Mexico's proposals in Draft 1 of “Outcome document”: insert “firmly”; delete “yet”; replace “grave” with “serious”; and 2 more. A proposal lapses when a decision on another proposal takes away its words; it is recorded as rejected.",
    });
    expect(proposalsWords(draft1, 'Mexico', 'accepted', proposals.slice(0, 1), chair)).toEqual({
      headline: "Mexico's proposal on Draft 1 was accepted",
      message:
        "The Chair, Amina Wanjiru (Kenya), accepted Mexico's proposal in Draft 1 of “Outcome document” to insert “firmly”.",
    });
  });

  it('gives a deadline set in another zone than the venue’s with that zone’s place', () => {
    const words = silenceWords(
      draft1,
      { status: 'running', deadline: '2021-07-30T10:00:00.000Z', objection: null },
      chair,
      deadlineClock('Europe/Zurich', newYork),
    );
    expect(words.headline).toBe('Draft 1 is under silence procedure until Friday 30 July 2021, 12:00 (Zurich)');
  });
});
