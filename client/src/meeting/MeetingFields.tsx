import type { Meeting } from '@zerodraft/shared/api/meetings.ts';
import { MeetingFields as MeetingFieldsSchema } from '@zerodraft/shared/api/meetings.ts';
import { DEFAULT_SILENCE_NOTICE_HOURS, MAX_SILENCE_NOTICE_HOURS } from '@zerodraft/shared/lifecycle/silence.ts';
import { useId } from 'react';
import { readerClock } from '../time/format.ts';
import { TimeZoneSelect } from '../time/TimeZoneSelect.tsx';

/** The minimum notice is left out where the reader may not change it (only the Chair does). */
const FormFields = MeetingFieldsSchema.partial({ silenceNoticeHours: true });

export type MeetingFieldValues = ReturnType<typeof FormFields.parse>;

/** Problems with the form, by field name; `form` for one that concerns no single field. */
export type FieldErrors = Partial<Record<keyof MeetingFieldValues | 'delegation' | 'form', string>>;

/** What to do about a field the schema refuses; a field not named here is told in the schema's (the server's) words. */
const fieldWords: Partial<Record<keyof MeetingFieldValues, string>> = {
  title: 'Give the meeting’s title.',
  symbol: 'Give the document symbol prefix, for example A/CONF.192/BMS/2021.',
  venue: 'Give the venue, for example New York or Geneva.',
  timeZone: 'Choose the venue’s time zone from the list.',
  startsOn: 'Give the first day as a date.',
  endsOn: 'Give the last day as a date.',
};

/** The meeting's fields from the form, checked by the same schema the server uses. */
export function meetingFieldsFrom(form: FormData): { values: MeetingFieldValues } | { errors: FieldErrors } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const day = (name: string) => text(name) || null;
  // A disabled field is not in the form: the notice is then not sent, and stays as the Chair set it.
  const hours = form.has('silenceNoticeHours') ? text('silenceNoticeHours') : null;
  const parsed = FormFields.safeParse({
    title: text('title'),
    symbol: text('symbol'),
    venue: text('venue'),
    timeZone: text('timeZone'),
    startsOn: day('startsOn'),
    endsOn: day('endsOn'),
    silenceNoticeHours: hours === null ? undefined : hours === '' ? Number.NaN : Number(hours),
  });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof MeetingFieldValues;
      errors[field] ??= fieldWords[field] ?? issue.message;
    }
    return { errors };
  }
  const values = parsed.data;
  if (values.startsOn && values.endsOn && values.startsOn > values.endsOn) {
    return { errors: { endsOn: 'The meeting cannot end before it starts.' } };
  }
  return { values };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="zd-field-error">
      {message}
    </p>
  ) : null;
}

/** Title, symbol prefix, venue, the venue's time zone, the meeting's days and its minimum notice for silence. */
export function MeetingFields({
  meeting,
  errors = {},
  noticeIsTheChairs = false,
}: {
  meeting?: Meeting;
  errors?: FieldErrors;
  /** The reader may change the meeting but not its minimum notice, which only the Chair sets. */
  noticeIsTheChairs?: boolean;
}) {
  const id = useId();
  const input = (name: keyof MeetingFieldValues) => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <>
      <div className="zd-field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          {...input('title')}
          required
          maxLength={300}
          defaultValue={meeting?.title}
          placeholder="e.g. Seventh Biennial Meeting of States (BMS7)"
        />
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>
      <div className="zd-field">
        <label htmlFor={`${id}-symbol`}>Document symbol prefix</label>
        <input
          {...input('symbol')}
          required
          maxLength={100}
          defaultValue={meeting?.symbol}
          placeholder="e.g. A/CONF.192/BMS/2021"
          className="zd-symbol-input"
        />
        <FieldError id={`${id}-symbol-error`} message={errors.symbol} />
      </div>
      <div className="zd-field">
        <label htmlFor={`${id}-venue`}>Venue</label>
        <input {...input('venue')} required maxLength={200} defaultValue={meeting?.venue} placeholder="e.g. New York" />
        <FieldError id={`${id}-venue-error`} message={errors.venue} />
      </div>
      <TimeZoneSelect
        name="timeZone"
        label="Venue time zone"
        defaultValue={meeting?.timeZone ?? readerClock().timeZone}
      />
      <FieldError id={`${id}-timeZone-error`} message={errors.timeZone} />
      <div className="zd-field-row">
        <div className="zd-field">
          <label htmlFor={`${id}-startsOn`}>First day</label>
          <input {...input('startsOn')} type="date" defaultValue={meeting?.startsOn ?? undefined} />
          <FieldError id={`${id}-startsOn-error`} message={errors.startsOn} />
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-endsOn`}>Last day</label>
          <input {...input('endsOn')} type="date" defaultValue={meeting?.endsOn ?? undefined} />
          <FieldError id={`${id}-endsOn-error`} message={errors.endsOn} />
        </div>
      </div>
      <p className="zd-hint">Days at the venue. Leave them empty if they are not fixed yet.</p>
      <div className="zd-field">
        <label htmlFor={`${id}-silenceNoticeHours`}>Minimum notice for a silence procedure (hours)</label>
        <input
          {...input('silenceNoticeHours')}
          aria-describedby={[
            `${id}-silenceNoticeHours-hint`,
            errors.silenceNoticeHours && `${id}-silenceNoticeHours-error`,
          ]
            .filter(Boolean)
            .join(' ')}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SILENCE_NOTICE_HOURS}
          step={1}
          required
          disabled={noticeIsTheChairs}
          defaultValue={meeting?.silenceNoticeHours ?? DEFAULT_SILENCE_NOTICE_HOURS}
        />
        <p id={`${id}-silenceNoticeHours-hint`} className="zd-hint">
          A silence procedure’s deadline must be at least this long after it starts, so that delegations can get
          instructions from their capitals. 0 sets no minimum.
          {noticeIsTheChairs && ' Only the Chair changes it.'}
        </p>
        <FieldError id={`${id}-silenceNoticeHours-error`} message={errors.silenceNoticeHours} />
      </div>
    </>
  );
}
