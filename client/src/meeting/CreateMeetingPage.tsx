import { type ActionFunctionArgs, Form, Link, redirect, useActionData, useNavigation } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { createMeeting } from '../api/meetings.ts';
import { DelegationFields } from '../delegations/DelegationFields.tsx';
import { delegationChoiceFrom } from '../delegations/delegation-choice.ts';
import { type FieldErrors, MeetingFields, meetingFieldsFrom } from './MeetingFields.tsx';
import { meetingPath } from './meeting-data.ts';

export async function createMeetingAction({
  request,
}: ActionFunctionArgs): Promise<Response | { errors: FieldErrors }> {
  const form = await request.formData();
  const fields = meetingFieldsFrom(form);
  const delegation = delegationChoiceFrom(form);
  if ('errors' in fields || 'error' in delegation) {
    return {
      errors: {
        ...('errors' in fields ? fields.errors : {}),
        ...('error' in delegation ? { delegation: delegation.error } : {}),
      },
    };
  }
  try {
    const { meeting } = await createMeeting({ ...fields.values, delegation: delegation.choice });
    return redirect(meetingPath(meeting.id));
  } catch (error) {
    if (error instanceof ApiRequestError) return { errors: { form: error.message } };
    throw error;
  }
}

/** `/meetings/new`: whoever creates a meeting becomes its Secretariat, in the delegation they name. */
export function CreateMeetingPage() {
  const result = useActionData<typeof createMeetingAction>();
  const errors = result && 'errors' in result ? result.errors : {};
  const saving = useNavigation().state === 'submitting';
  const problems = Object.values(errors).filter(Boolean);

  return (
    <article className="zd-form-page">
      <title>Create a meeting — Zerodraft</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to="/">Your meetings</Link>
        </p>
        <h1>Create a meeting</h1>
        <p className="zd-muted">
          You will be the meeting’s Secretariat: you invite the Chair and the delegations, and manage their roles.
        </p>
      </header>
      <Form method="post" className="zd-form zd-form-wide" noValidate>
        {problems.length > 0 && (
          <div role="alert" className="zd-alert">
            {problems.length === 1 ? (
              <p>{problems[0]}</p>
            ) : (
              <>
                <p>The meeting was not created yet:</p>
                <ul>
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <MeetingFields errors={errors} />
        <DelegationFields legend="Your delegation" />
        <div className="zd-form-actions">
          <button type="submit" className="zd-button zd-button-primary" disabled={saving}>
            {saving ? 'Creating the meeting…' : 'Create the meeting'}
          </button>
          <Link to="/" className="zd-button">
            Cancel
          </Link>
        </div>
      </Form>
    </article>
  );
}
