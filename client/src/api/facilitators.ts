import { DocumentFacilitators, FacilitatorAppointed } from '@zerodraft/shared/api/facilitators.ts';
import { requestJson, requestNoContent } from './http.ts';

/* The facilitators the Chair appoints to run the silence procedure on a document (DESIGN.md §1, §3). */

const facilitatorsPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/facilitators`;

/** Who is appointed, and for the Chair the meeting's other facilitators. */
export function fetchFacilitators(documentId: string, signal?: AbortSignal): Promise<DocumentFacilitators> {
  return requestJson(facilitatorsPath(documentId), DocumentFacilitators, signal ? { signal } : {});
}

/** The Chair appoints a facilitator of the meeting to run the silence procedure on the document. */
export function appointFacilitator(documentId: string, userId: string): Promise<FacilitatorAppointed> {
  return requestJson(`${facilitatorsPath(documentId)}/${encodeURIComponent(userId)}`, FacilitatorAppointed, {
    method: 'PUT',
  });
}

/** The Chair ends an appointment. */
export function removeFacilitator(documentId: string, userId: string): Promise<void> {
  return requestNoContent(`${facilitatorsPath(documentId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
