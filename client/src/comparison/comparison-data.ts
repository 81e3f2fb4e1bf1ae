import { RevisionComparison } from '@zerodraft/shared/api/comparison.ts';
import type { LoaderFunctionArgs } from 'react-router';
import { requestJson } from '../api/http.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

export interface ChosenRevisions {
  from?: string | undefined;
  to?: string | undefined;
}

const query = ({ from, to }: ChosenRevisions): string => {
  const search = new URLSearchParams();
  if (from) search.set('from', from);
  if (to) search.set('to', to);
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The page comparing two revisions of a document; without them, the latest with the one circulated before it. */
export const comparisonPath = (documentId: string, revisions: ChosenRevisions = {}) =>
  `/documents/${encodeURIComponent(documentId)}/compare${query(revisions)}`;

export function fetchComparison(
  documentId: string,
  revisions: ChosenRevisions,
  signal: AbortSignal,
): Promise<RevisionComparison> {
  return requestJson(
    `/api/documents/${encodeURIComponent(documentId)}/comparison${query(revisions)}`,
    RevisionComparison,
    { signal },
  );
}

export function comparisonLoader({ request, params }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const revisions = { from: search.get('from') || undefined, to: search.get('to') || undefined };
  return loadSignedIn(request, () => fetchComparison(params.documentId ?? '', revisions, request.signal));
}
