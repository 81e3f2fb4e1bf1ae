import type { LoaderFunctionArgs } from 'react-router';
import { fetchCompilation } from '../api/compilation.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

export function compilationLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchCompilation(params.revisionId ?? '', request.signal));
}
