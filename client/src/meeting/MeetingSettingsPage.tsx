import { mayEver } from '@zerodraft/shared/roles/permissions.ts';
import { type ActionFunctionArgs, Form, Link, useActionData, useNavigation } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { updateMeeting } from '../api/meetings.ts';
import { type FieldErrors, MeetingFields, meetingFieldsFrom } from './MeetingFields.tsx';
import { meetingPath, useMeeting } from './meeting-data.ts';

type SettingsResult = { errors: FieldErrors } | { saved: true };

export async function meetingSettingsAction({ request, params }: ActionFunctionArgs): Promise<SettingsResult> {
  const fields = meetingFieldsFrom(await request.formData());
  if ('errors' in fields) return fields;
  try {
    await updateMeeting(params.meetingId ?? '', fields.values);
    return { saved: true };
  } catch (error) {
    if (error instanceof ApiRequestError) return { errors: { form: error.message } };
    throw error;
  }
}

/** `/meetings/:meetingId/settings`: title, symbol, venue, time zone, days and the minimum notice for silence, for the Chair and the Secretariat. */
export function MeetingSettingsPage() {
  const { meeting, participation } = useMeeting();
  const result = useActionData<typeof meetingSettingsAction>();
  const errors = result && 'errors' in result ? result.errors : {};
  const navigation = useNavigation();
  const saving = navigation.state === 'submitting';
  const problems = Object.values(errors).filter(Boolean);

  return (
    <article className="zd-form-page">
      <title>{`Meeting settings — ${meeting.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>Meeting settings</h1>
      </header>
      {!mayEver(participation, 'editMeeting') ? (
        <p className="zd-page-error">Only the Chair and the Secretariat change the meeting’s settings.</p>
      ) : (
        // The key resets the fields to what the server now holds after each save.
        <Form method="post" className="zd-form zd-form-wide" noValidate key={JSON.stringify(meeting)}>
          {problems.length > 0 && (
            <div role="alert" className="zd-alert">
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {result && 'saved' in result && navigation.state === 'idle' && (
            <p role="status" className="zd-success">
              The meeting’s settings are saved.
            </p>
          )}
          <MeetingFields
            meeting={meeting}
            errors={errors}
            noticeIsTheChairs={!mayEver(participation, 'setSilenceNotice')}
          />
          <div className="zd-form-actions">
            <button type="submit" className="zd-button zd-button-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save the settings'}
            </button>
            <Link to={meetingPath(meeting.id)} className="zd-button">
              Back to the meeting
            </Link>
          </div>
        </Form>
      )}
    </article>
  );
}
