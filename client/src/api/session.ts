import { Me, type SignInRequest } from '@zerodraft/shared/api/session.ts';
import { requestJson, requestNoContent } from './http.ts';

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return requestJson('/api/me', Me, { signal });
}

export function signIn(credentials: SignInRequest): Promise<Me> {
  return requestJson('/api/session', Me, { method: 'POST', body: credentials });
}

export function signOut(): Promise<void> {
  return requestNoContent('/api/session', { method: 'DELETE' });
}
