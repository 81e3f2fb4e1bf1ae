import { redirect } from 'react-router';
import { ApiRequestError } from '../api/http.ts';

/** Where to send someone who must sign in first, remembering the page they wanted. */
export function signInPath(wanted: URL): string {
  const returnTo = `${wanted.pathname}${wanted.search}${wanted.hash}`;
  return returnTo === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ returnTo })}`;
}

/**
 * The page to open after signing in: the one asked for, if it is a page of this site. Anything
 * else (another origin, `//host`) is ignored so a crafted link cannot send people elsewhere.
 */
export function returnToPath(search: URLSearchParams): string | null {
  const returnTo = search.get('returnTo');
  if (!returnTo?.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return null;
  return returnTo;
}

/** Runs a route loader; a 401 from the API sends the visitor to sign in instead. */
export async function loadSignedIn<T>(request: Request, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) throw redirect(signInPath(new URL(request.url)));
    throw error;
  }
}
