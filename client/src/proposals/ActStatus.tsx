import type { ActRunner } from './use-act.ts';

/** What an act is doing, or why it failed, said where it was started. */
export function ActStatus({ act }: { act: Pick<ActRunner, 'running' | 'error'> }) {
  return (
    <>
      {act.running && (
        <p className="zd-act-progress" role="status">
          {act.running}
        </p>
      )}
      {act.error && (
        <p className="zd-act-error" role="alert">
          {act.error}
        </p>
      )}
    </>
  );
}
