import { describe, expect, it } from 'vitest';
import { CreateMeetingRequest, isTimeZone, UpdateMeetingRequest } from './meetings.ts';

const bms7 = {
  title: 'Seventh Biennial Meeting of States (BMS7)',
  symbol: 'A/CONF.192/BMS/2021',
  venue: 'New York',
  timeZone: 'America/New_York',
  delegation: { stateCode: 'KEN' },
};

describe('meeting requests', () => {
  it('knows the IANA zones of the venues and refuses the rest', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Geneva')).toBe(false);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('takes a meeting with a State from the list or an organisation as its creator delegation', () => {
    expect(CreateMeetingRequest.parse(bms7)).toMatchObject(bms7);
    const unoda = {
      organisation: { name: 'United Nations Office for Disarmament Affairs', acronym: 'UNODA', kind: 'igo' },
    };
    expect(CreateMeetingRequest.parse({ ...bms7, delegation: unoda }).delegation).toEqual(unoda);
    expect(CreateMeetingRequest.safeParse({ ...bms7, delegation: { stateCode: 'TWN' } }).success).toBe(false);
    expect(CreateMeetingRequest.safeParse({ ...bms7, delegation: { ...unoda, stateCode: 'KEN' } }).success).toBe(false);
    expect(
      CreateMeetingRequest.safeParse({
        ...bms7,
        delegation: { organisation: { ...unoda.organisation, kind: 'state' } },
      }).success,
    ).toBe(false);
  });

  it('trims and bounds every text, and keeps the dates in order', () => {
    expect(CreateMeetingRequest.parse({ ...bms7, venue: '  Geneva ' }).venue).toBe('Geneva');
    expect(CreateMeetingRequest.safeParse({ ...bms7, title: '   ' }).success).toBe(false);
    expect(CreateMeetingRequest.safeParse({ ...bms7, symbol: 'A/'.repeat(51) }).success).toBe(false);
    expect(CreateMeetingRequest.safeParse({ ...bms7, startsOn: '2021-07-30', endsOn: '2021-07-26' }).success).toBe(
      false,
    );
    expect(CreateMeetingRequest.safeParse({ ...bms7, startsOn: '2021-02-30' }).success).toBe(false);
    expect(UpdateMeetingRequest.safeParse({}).success).toBe(false);
    expect(UpdateMeetingRequest.parse({ endsOn: null })).toEqual({ endsOn: null });
  });
});
