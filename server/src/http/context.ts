import type { Session } from '../auth/sessions.ts';

/** What middleware puts on Hono's context for the handlers after it. */
export interface AppEnv {
  Variables: {
    session: Session | null;
  };
}
