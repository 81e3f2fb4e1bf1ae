import type { SilenceProcedures } from './procedures.ts';

/**
 * Adopts each silence procedure once its deadline has passed. It looks every `intervalMs`
 * rather than setting a timer for each deadline: the clock is injectable (a test moves it
 * without any timer firing), and every instance sharing the store looks, so one that is down
 * at a deadline leaves the adoption to another or to its own next start. The store's
 * conditional update makes sure only one of them adopts.
 */
export function startSilenceScheduler(procedures: SilenceProcedures, intervalMs: number): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    procedures
      .adoptDue()
      .catch((error) => console.error('Could not adopt the silence procedures whose deadline passed', error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
