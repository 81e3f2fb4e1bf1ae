import { SessionList } from '@zerodraft/shared/api/session.ts';
import { ApiTokenList, CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import { requestJson, requestNoContent } from './http.ts';

export function fetchSessions(signal: AbortSignal): Promise<SessionList> {
  return requestJson('/api/sessions', SessionList, { signal });
}

export function revokeSession(sessionId: string): Promise<void> {
  return requestNoContent(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
}

export function fetchApiTokens(signal: AbortSignal): Promise<ApiTokenList> {
  return requestJson('/api/tokens', ApiTokenList, { signal });
}

/** The token's secret is in this answer only. */
export function createApiToken(meetingId: string, name: string): Promise<CreatedApiToken> {
  return requestJson(`/api/meetings/${encodeURIComponent(meetingId)}/tokens`, CreatedApiToken, {
    method: 'POST',
    body: { name },
  });
}

export function revokeApiToken(tokenId: string): Promise<void> {
  return requestNoContent(`/api/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });
}
