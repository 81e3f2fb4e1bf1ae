import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiRequestError } from '../api/http.ts';

function explain(error: unknown): { title: string; advice: string } {
  if (error instanceof ApiRequestError) {
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
  const { title, advice } = explain(error);
  return (
    <div className="zd-page-error" role="alert">
      <h1>{title}</h1>
      {advice && <p>{advice}</p>}
      <p>
        <Link to="/">Go to your meeting</Link>
      </p>
    </div>
  );
}
