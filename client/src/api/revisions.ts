import {
  AcknowledgementSaved,
  Acknowledgements,
  type CirculateRequest,
  DocumentHistory,
  DocumentStarted,
  type NewDocumentRequest,
  RevisionCirculated,
  RevisionStarted,
  type StartRevisionRequest,
} from '@zerodraft/shared/api/revisions.ts';
import { requestJson } from './http.ts';

const revisionPath = (revisionId: string) => `/api/revisions/${encodeURIComponent(revisionId)}`;
const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

/** The Chair starts a new document, its zero draft in preparation. */
export function startDocument(meetingId: string, request: NewDocumentRequest): Promise<DocumentStarted> {
  return requestJson(`/api/meetings/${encodeURIComponent(meetingId)}/documents`, DocumentStarted, {
    method: 'POST',
    body: request,
  });
}

/** The Chair starts the next revision of a document, in preparation. */
export function startRevision(documentId: string, request: StartRevisionRequest): Promise<RevisionStarted> {
  return requestJson(`${documentPath(documentId)}/revisions`, RevisionStarted, { method: 'POST', body: request });
}

/** The Chair circulates a revision in preparation; the one before is superseded. */
export function circulateRevision(revisionId: string, request: CirculateRequest): Promise<RevisionCirculated> {
  return requestJson(`${revisionPath(revisionId)}/circulate`, RevisionCirculated, { method: 'POST', body: request });
}

/** Confirms receipt for the caller's delegation; the first confirmation stands. */
export function acknowledgeRevision(revisionId: string): Promise<AcknowledgementSaved> {
  return requestJson(`${revisionPath(revisionId)}/acknowledge`, AcknowledgementSaved, { method: 'POST' });
}

export function fetchAcknowledgements(revisionId: string, signal?: AbortSignal): Promise<Acknowledgements> {
  return requestJson(`${revisionPath(revisionId)}/acknowledgements`, Acknowledgements, signal ? { signal } : {});
}

export function fetchHistory(documentId: string, signal: AbortSignal): Promise<DocumentHistory> {
  return requestJson(`${documentPath(documentId)}/history`, DocumentHistory, { signal });
}
