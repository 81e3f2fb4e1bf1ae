import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { isTransient } from '../api/while-unreachable.ts';

function explain(error: unknown): { title: string; advice: string; retry?: boolean } {
  if (error instanceof ApiRequestError) {
    if (isTransient(error)) {
      return { title: error.message, advice: 'The server may be restarting: try again in a moment.', retry: true };
    }
    if (error.status === 404) return { title: error.message, advice: 'Check the link, or open the meeting again.' };
    if (error.status === 403) return { title: error.message, advice: 'If you should see it, ask the Secretariat.' };
    return { title: error.message, advice: '' };
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return { title: 'There is no page at this address.', advice: 'Check the link, or start from your meeting.' };
  }
  return {
    title: 'Something went wrong on this page.',
    advice: 'Reload the page. If it happens again, tell the Secretariat what you were doing.',
  };
}

/** What a page shows instead of itself when it could not load. */
export function RouteError() {
  const error = useRouteError();
  const { title, advice, retry } = explain(error);
  return (
    <div className="zd-page-error" role="alert">
      <h1>{title}</h1>
      {advice && <p>{advice}</p>}
      {retry && (
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </p>
      )}
      <p>
        <Link to="/">Go to your meeting</Link>
      </p>
    </div>
  );
}
