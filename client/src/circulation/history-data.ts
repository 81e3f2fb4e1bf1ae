import type { LoaderFunctionArgs } from 'react-router';
import { fetchHistory } from '../api/revisions.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

export function historyLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchHistory(params.documentId ?? '', request.signal));
}

export const historyPath = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/history`;
