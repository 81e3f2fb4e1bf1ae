import type { LoaderFunctionArgs } from 'react-router';
import { fetchRevision } from '../api/meetings.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

export function revisionLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchRevision(params.revisionId ?? '', request.signal));
}
