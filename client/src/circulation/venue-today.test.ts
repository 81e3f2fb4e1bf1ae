import { describe, expect, it } from 'vitest';
import { formatDated, venueToday } from './venue-today.ts';

describe('the date a revision is circulated on', () => {
  it('is today at the venue, which is not always today in UTC', () => {
    // 02:00 UTC on 30 July is still 29 July in New York, already 30 July in Geneva.
    const at = new Date('2021-07-30T02:00:00Z');
    expect(venueToday('America/New_York', at)).toBe('2021-07-29');
    expect(venueToday('Europe/Zurich', at)).toBe('2021-07-30');
  });

  it('is printed as a letter writes it', () => {
    expect(formatDated('2021-06-10')).toBe('10 June 2021');
  });
});
