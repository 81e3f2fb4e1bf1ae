import type { Principal } from '../auth/principal.ts';

/** What middleware puts on Hono's context for the handlers after it. */
export interface AppEnv {
  Variables: {
    /** The signed-in user (session cookie) or script (API token); null when neither. */
    principal: Principal | null;
  };
}
