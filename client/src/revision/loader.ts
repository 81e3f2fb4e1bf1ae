import type { LoaderFunctionArgs } from 'react-router';
import { fetchRevision } from '../api/meetings.ts';
import { whileUnreachable } from '../api/while-unreachable.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

export function revisionLoader({ request, params }: LoaderFunctionArgs) {
  // The page reloads itself whenever the revision's state changes, which can be while the
  // server restarts; an editor's page waits for it rather than turning into an error page.
  return loadSignedIn(request, () =>
    whileUnreachable(() => fetchRevision(params.revisionId ?? '', request.signal), request.signal),
  );
}
