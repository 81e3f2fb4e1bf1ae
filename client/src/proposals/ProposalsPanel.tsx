import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import { type FocusEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { PlaceControls } from '../editor/paragraph-status/PlaceControls.tsx';
import { useCursorPlace } from '../editor/paragraph-status/use-cursor-place.ts';
import type { Clock } from '../time/format.ts';
import { actsOn, mayDecide, mayManageSection } from './acts.ts';
import { BulkDecisions } from './BulkDecisions.tsx';
import { applyFilter, countSentence, DEFAULT_FILTER, delegationChoices, validFilter } from './filters.ts';
import { proposalRange } from './locate.ts';
import { shortParagraphLabel } from './outline.ts';
import { ProposalFilters } from './ProposalFilters.tsx';
import { ProposalItem } from './ProposalItem.tsx';
import { panelProposals } from './panel-items.ts';
import { useProposalRecords } from './use-proposal-records.ts';
import { useTextAccount } from './use-text-proposals.ts';

/** Rows drawn at a time: a revision with 500 proposals stays quick to type in. */
const PAGE_SIZE = 50;

interface Props {
  editor: Editor;
  ydoc: Y.Doc;
  revisionId: string;
  participation: Participation;
  /** The venue's clock, for the times of proposals and decisions. */
  clock: Clock;
  /** Whether the text may change now; acts wait for it. */
  textOpen: boolean;
}

/**
 * The proposals beside the text (DESIGN.md §1): every pending one with who proposed it,
 * its words, its rationale, who supports and opposes it, and the acts the reader's role
 * allows; decided ones on request. Acts go to the server over REST; their outcome comes back
 * through the Y.Doc, where the server writes text and records in one change.
 */
export function ProposalsPanel({ editor, ydoc, revisionId, participation, clock, textOpen }: Props) {
  const account = useTextAccount(editor);
  const records = useProposalRecords(ydoc);
  const place = useCursorPlace(editor);
  const proposals = useMemo(
    () => panelProposals(account.proposals, records, participation.delegation),
    [account.proposals, records, participation.delegation],
  );
  const delegations = useMemo(() => delegationChoices(proposals), [proposals]);
  const [chosenFilter, setFilter] = useState(DEFAULT_FILTER);
  const filter = validFilter(
    chosenFilter,
    delegations,
    account.outline.sections.map((section) => section.sid),
  );
  const shown = useMemo(() => applyFilter(proposals, filter), [proposals, filter]);
  const [limit, setLimit] = useState(PAGE_SIZE);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // A live region repeats only what changed: a no-break space tells two equal outcomes apart.
  const announce = useCallback(
    (message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)),
    [],
  );

  const show = useCallback(
    (proposalId: string) => {
      const range = proposalRange(editor.state.doc, proposalId);
      if (range === null) {
        announce('That proposal is no longer in the text.');
        return;
      }
      // A reader sees the words selected; a writer gets the cursor before them, so typing
      // does not replace them.
      const head = editor.isEditable ? range.from : range.to;
      editor.view.dispatch(
        editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, head)).scrollIntoView(),
      );
      editor.view.focus();
    },
    [editor, announce],
  );

  // When the row holding focus goes (accepted, withdrawn…), focus returns to the panel's
  // heading rather than to the top of the page. Browsers differ on whether removal fires blur.
  const lastFocused = useRef<HTMLElement | null>(null);
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    lastFocused.current = event.target;
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const left = event.target;
    requestAnimationFrame(() => {
      if (left.isConnected && lastFocused.current === left) lastFocused.current = null;
    });
  };
  useEffect(() => {
    const left = lastFocused.current;
    if (left === null || left.isConnected) return;
    lastFocused.current = null;
    if (document.activeElement === null || document.activeElement === document.body) headingRef.current?.focus();
  });

  const decider = mayDecide(participation, textOpen);
  const pending = proposals.filter((proposal) => proposal.status === 'pending');
  const ofStatus =
    filter.status === 'any' ? proposals.length : proposals.filter((p) => p.status === filter.status).length;
  const chosenDelegation = delegations.find((delegation) => delegation.id === filter.delegationId);
  const mayManagePlace = place !== null && mayManageSection(participation, place.section.sid, textOpen);
  const pid = place?.paragraph?.pid;

  return (
    <section className="zd-proposals" aria-label="Proposals" onFocus={onFocus} onBlur={onBlur}>
      <h2 ref={headingRef} tabIndex={-1} className="zd-proposals-title">
        Proposals
      </h2>
      <p className="zd-proposals-live" role="status">
        {announcement}
      </p>
      {place && (mayManagePlace || decider) && (
        <PlaceControls
          place={place}
          paragraphNumber={place.paragraph ? account.outline.numbers.get(place.paragraph.pid) : undefined}
          mayManage={mayManagePlace}
          mayDecide={decider}
          pendingInParagraph={pid ? pending.filter((p) => p.paragraphs.includes(pid)).length : 0}
          revisionId={revisionId}
          announce={announce}
        />
      )}
      <ProposalFilters
        filter={filter}
        delegations={delegations}
        sections={account.outline.sections}
        onChange={(next) => {
          setFilter(next);
          setLimit(PAGE_SIZE);
        }}
      />
      <p className="zd-proposals-count">{countSentence(shown.length, ofStatus, filter.status)}</p>
      {decider && (
        <BulkDecisions
          scope={
            chosenDelegation
              ? { kind: 'delegation', delegationId: chosenDelegation.id, delegationName: chosenDelegation.name }
              : { kind: 'all' }
          }
          count={
            chosenDelegation ? pending.filter((p) => p.delegationId === chosenDelegation.id).length : pending.length
          }
          revisionId={revisionId}
          announce={announce}
        />
      )}
      {shown.length > 0 && (
        <ol className="zd-proposal-list">
          {shown.slice(0, limit).map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              acts={actsOn(proposal, participation, textOpen)}
              where={shortParagraphLabel(
                proposal.paragraphs[0] === undefined ? undefined : account.outline.numbers.get(proposal.paragraphs[0]),
              )}
              revisionId={revisionId}
              clock={clock}
              onShow={show}
              announce={announce}
            />
          ))}
        </ol>
      )}
      {shown.length > limit && (
        <button type="button" className="zd-button" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, shown.length - limit)} more of the {shown.length - limit} not shown
        </button>
      )}
    </section>
  );
}
