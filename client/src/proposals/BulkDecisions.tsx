import type { DecisionRequest } from '@zerodraft/shared/api/proposals.ts';
import { decide } from '../api/proposals.ts';
import { ActStatus } from './ActStatus.tsx';
import { type BulkScope, bulkLabel, bulkQuestion, decisionDone, requestScope } from './act-messages.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useAct } from './use-act.ts';

interface Props {
  scope: BulkScope;
  /** How many pending proposals it covers, as the panel counts them now. */
  count: number;
  revisionId: string;
  announce: (message: string) => void;
}

/** Accept or reject every pending proposal in a scope, each after a confirmation. */
export function BulkDecisions({ scope, count, revisionId, announce }: Props) {
  const act = useAct(announce);
  if (count === 0) return null;
  const decideAll = (decision: DecisionRequest['decision']) =>
    void act.run(decision === 'accept' ? 'Accepting…' : 'Rejecting…', async () => {
      return decisionDone(decision, await decide(revisionId, { decision, scope: requestScope(scope) }));
    });
  return (
    <div className="zd-bulk" aria-busy={act.running !== null}>
      <div className="zd-act-row">
        {(['accept', 'reject'] as const).map((decision) => (
          <ConfirmButton
            key={decision}
            label={bulkLabel(decision, scope)}
            question={bulkQuestion(decision, count, scope)}
            confirmLabel={`${decision === 'accept' ? 'Accept' : 'Reject'} ${count === 1 ? '1 proposal' : `${count} proposals`}`}
            danger={decision === 'reject'}
            busy={act.running !== null}
            onConfirm={() => decideAll(decision)}
          />
        ))}
      </div>
      <ActStatus act={act} />
    </div>
  );
}
