import { RATIONALE_MAX_LENGTH } from '@zerodraft/shared/api/proposals.ts';
import { delegationColour } from '@zerodraft/shared/presence.ts';
import type { Stance } from '@zerodraft/shared/proposals/record.ts';
import { memo, useId, useState } from 'react';
import { decide, setRationale, setStance, withdrawProposal } from '../api/proposals.ts';
import { DateTime } from '../time/DateTime.tsx';
import type { Clock } from '../time/format.ts';
import { ActStatus } from './ActStatus.tsx';
import { proposalDecided, proposalOf, rationaleDone, stanceDone, withdrawn } from './act-messages.ts';
import type { ProposalActs } from './acts.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { clipWords, type PanelProposal, proposalSentence, sameListing } from './panel-items.ts';
import { type ActRunner, useAct } from './use-act.ts';

const STATUS_WORDS = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
} as const;

interface Props {
  proposal: PanelProposal;
  acts: ProposalActs;
  /** "para. 12", where the proposal begins. */
  where: string | null;
  revisionId: string;
  clock: Clock;
  onShow: (proposalId: string) => void;
  announce: (message: string) => void;
}

/** One proposal in the panel: who proposed what, who supports or opposes it, and the reader's acts on it. */
function ProposalItemView({ proposal, acts, where, revisionId, clock, onShow, announce }: Props) {
  const colour = proposal.delegationCode === null ? undefined : delegationColour(proposal.delegationCode);
  const summary = (
    <>
      <span className="zd-proposal-by">
        <span className="zd-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        {proposalSentence(proposal)}
      </span>
      <Words proposal={proposal} />
    </>
  );
  return (
    <li
      className="zd-proposal"
      data-proposal-id={proposal.id}
      data-status={proposal.status}
      style={{ borderInlineStartColor: colour }}
    >
      {proposal.status === 'pending' ? (
        <button type="button" className="zd-proposal-show" onClick={() => onShow(proposal.id)}>
          {summary}
        </button>
      ) : (
        <div className="zd-proposal-show">{summary}</div>
      )}
      <p className="zd-proposal-facts">
        {proposal.status !== 'pending' && (
          <span className="zd-proposal-status" data-status={proposal.status}>
            {STATUS_WORDS[proposal.status]}
            {proposal.decidedAt && (
              <>
                {' '}
                <DateTime iso={proposal.decidedAt} clock={clock} />
              </>
            )}
          </span>
        )}
        {proposal.userName && <span>{proposal.userName}</span>}
        <span>
          <DateTime iso={proposal.proposedAt} clock={clock} />
        </span>
        {where && <span>{where}</span>}
      </p>
      {proposal.rationale && (
        <p className="zd-proposal-rationale">
          <span className="zd-proposal-label">Rationale:</span> {proposal.rationale}
        </p>
      )}
      {(acts.decide || acts.stance || acts.withdraw || acts.rationale) && (
        <ProposalActsBar proposal={proposal} acts={acts} revisionId={revisionId} announce={announce} />
      )}
    </li>
  );
}

export const ProposalItem = memo(
  ProposalItemView,
  (a, b) =>
    sameListing(a.proposal, b.proposal) &&
    a.acts.decide === b.acts.decide &&
    a.acts.stance === b.acts.stance &&
    a.acts.withdraw === b.acts.withdraw &&
    a.acts.rationale === b.acts.rationale &&
    a.where === b.where &&
    a.revisionId === b.revisionId &&
    a.clock.timeZone === b.clock.timeZone &&
    a.clock.place === b.clock.place &&
    a.onShow === b.onShow &&
    a.announce === b.announce,
);

/** The words it deletes and inserts, named in words too: `del` and `ins` are not read out by every screen reader. */
function Words({ proposal }: { proposal: PanelProposal }) {
  const deleted = clipWords(proposal.deleted);
  const inserted = clipWords(proposal.inserted);
  return (
    <span className="zd-proposal-words">
      {deleted && (
        <span className="zd-proposal-change">
          <span className="zd-proposal-label">Deletes</span> <del>{deleted}</del>
        </span>
      )}
      {inserted && (
        <span className="zd-proposal-change">
          <span className="zd-proposal-label">{proposal.newParagraph ? 'Adds a paragraph' : 'Inserts'}</span>{' '}
          <ins>{inserted}</ins>
        </span>
      )}
      {!deleted && !inserted && (
        <span className="zd-proposal-change">
          {proposal.newParagraph ? 'Adds an empty paragraph' : 'No words left in the text'}
        </span>
      )}
    </span>
  );
}

function ProposalActsBar({
  proposal,
  acts,
  revisionId,
  announce,
}: Pick<Props, 'proposal' | 'acts' | 'revisionId' | 'announce'>) {
  const act = useAct(announce);
  const busy = act.running !== null;
  const name = proposal.delegationName;

  const decideOne = (decision: 'accept' | 'reject') =>
    act.run(decision === 'accept' ? 'Accepting…' : 'Rejecting…', async () => {
      const result = await decide(revisionId, { decision, scope: { kind: 'proposal', proposalId: proposal.id } });
      return proposalDecided(decision, result, name);
    });
  const takeStance = (stance: Stance | null) =>
    act.run('Saving your delegation’s position…', async () => {
      await setStance(revisionId, proposal.id, stance);
      return stanceDone(stance, name);
    });

  return (
    <div className="zd-proposal-acts" aria-busy={busy}>
      <fieldset className="zd-act-row">
        <legend className="zd-visually-hidden">Acts on {proposalOf(name)}</legend>
        {acts.decide && (
          <>
            <button
              type="button"
              className="zd-button zd-act"
              aria-disabled={busy}
              onClick={() => void decideOne('accept')}
            >
              Accept
            </button>
            <button
              type="button"
              className="zd-button zd-act"
              aria-disabled={busy}
              onClick={() => void decideOne('reject')}
            >
              Reject
            </button>
          </>
        )}
        {acts.stance && (
          <>
            <button
              type="button"
              className="zd-button zd-act"
              aria-pressed={proposal.ownStance === 'support'}
              aria-disabled={busy}
              onClick={() => void takeStance(proposal.ownStance === 'support' ? null : 'support')}
            >
              Support
            </button>
            <button
              type="button"
              className="zd-button zd-act"
              aria-pressed={proposal.ownStance === 'oppose'}
              aria-disabled={busy}
              onClick={() => void takeStance(proposal.ownStance === 'oppose' ? null : 'oppose')}
            >
              Oppose
            </button>
            {proposal.ownStance && (
              <button
                type="button"
                className="zd-button zd-act"
                aria-disabled={busy}
                onClick={() => void takeStance(null)}
              >
                {proposal.ownStance === 'support' ? 'Withdraw my support' : 'Withdraw my opposition'}
              </button>
            )}
          </>
        )}
        {acts.withdraw && (
          <ConfirmButton
            label="Withdraw"
            question="Withdraw your delegation’s proposal? Its words leave the text."
            confirmLabel="Withdraw proposal"
            danger
            busy={busy}
            onConfirm={() =>
              void act.run('Withdrawing…', async () => {
                return withdrawn(await withdrawProposal(revisionId, proposal.id));
              })
            }
          />
        )}
      </fieldset>
      {acts.rationale && <RationaleEditor proposal={proposal} revisionId={revisionId} act={act} />}
      <ActStatus act={act} />
    </div>
  );
}

function RationaleEditor({
  proposal,
  revisionId,
  act,
}: {
  proposal: PanelProposal;
  revisionId: string;
  act: ActRunner;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const fieldId = useId();
  const countId = useId();
  if (draft === null) {
    return (
      <button
        type="button"
        className="zd-button zd-act"
        aria-disabled={act.running !== null}
        onClick={() => act.running === null && setDraft(proposal.rationale ?? '')}
      >
        {proposal.rationale ? 'Edit rationale' : 'Add rationale'}
      </button>
    );
  }
  const save = async () => {
    const rationale = draft.trim();
    const saved = await act.run('Saving the rationale…', async () => {
      await setRationale(revisionId, proposal.id, rationale);
      return rationaleDone(rationale);
    });
    if (saved) setDraft(null);
  };
  return (
    <form
      className="zd-rationale-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
    >
      <label htmlFor={fieldId}>Rationale</label>
      <textarea
        id={fieldId}
        value={draft}
        maxLength={RATIONALE_MAX_LENGTH}
        rows={3}
        aria-describedby={countId}
        // biome-ignore lint/a11y/noAutofocus: the field opens on the reader's own request to write in it.
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
      />
      <p id={countId} className="zd-hint">
        {draft.length} of {RATIONALE_MAX_LENGTH} characters. Say briefly why your delegation proposes this; leave it
        empty to remove the rationale.
      </p>
      <div className="zd-act-row">
        <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
          Save rationale
        </button>
        <button type="button" className="zd-button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
