import { RevisionCompilation } from '@zerodraft/shared/api/compilation.ts';
import { requestJson } from './http.ts';

export function fetchCompilation(revisionId: string, signal: AbortSignal): Promise<RevisionCompilation> {
  return requestJson(`/api/revisions/${encodeURIComponent(revisionId)}/compilation`, RevisionCompilation, { signal });
}
