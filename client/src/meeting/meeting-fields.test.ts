import { describe, expect, it } from 'vitest';
import { meetingFieldsFrom } from './MeetingFields.tsx';

const NOTICE_RANGE = 'The minimum notice for a silence procedure is a whole number of hours, from 0 to 720 (30 days).';

function formWith(silenceNoticeHours: string | null): FormData {
  const form = new FormData();
  form.set('title', 'Seventh Biennial Meeting of States (BMS7)');
  form.set('symbol', 'A/CONF.192/BMS/2021');
  form.set('venue', 'New York');
  form.set('timeZone', 'America/New_York');
  form.set('startsOn', '2021-07-26');
  form.set('endsOn', '2021-07-30');
  if (silenceNoticeHours !== null) form.set('silenceNoticeHours', silenceNoticeHours);
  return form;
}

describe('the minimum notice for a silence procedure, as the settings form reads it', () => {
  it('takes whole hours from 0 to 30 days', () => {
    for (const [typed, hours] of [
      ['48', 48],
      [' 0 ', 0],
      ['720', 720],
    ] as const) {
      expect(meetingFieldsFrom(formWith(typed))).toMatchObject({ values: { silenceNoticeHours: hours } });
    }
  });

  it('refuses anything else in the words the server uses', () => {
    for (const typed of ['', '1.5', '-1', '721', 'a day']) {
      expect(meetingFieldsFrom(formWith(typed)), typed).toEqual({ errors: { silenceNoticeHours: NOTICE_RANGE } });
    }
  });

  it('leaves the notice out where the field is disabled, so a save by the Secretariat keeps the Chair’s', () => {
    const fields = meetingFieldsFrom(formWith(null));
    expect(fields).toMatchObject({ values: { title: 'Seventh Biennial Meeting of States (BMS7)' } });
    expect('values' in fields ? fields.values.silenceNoticeHours : 'refused').toBeUndefined();
  });
});
