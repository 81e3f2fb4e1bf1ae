import { PARAGRAPH_STATUS_NAMES, PARAGRAPH_STATUSES } from '@zerodraft/shared/schema/paragraph.ts';
import { CLOSED_SECTION_LABEL } from '@zerodraft/shared/schema/paragraph-status-decorations.ts';
import { useId } from 'react';
import { setParagraphStatus, setSectionClosed } from '../../api/proposals.ts';
import { ActStatus } from '../../proposals/ActStatus.tsx';
import { sectionDone, statusDone } from '../../proposals/act-messages.ts';
import { BulkDecisions } from '../../proposals/BulkDecisions.tsx';
import { paragraphLabel } from '../../proposals/outline.ts';
import { useAct } from '../../proposals/use-act.ts';
import type { CursorPlace } from './cursor-place.ts';

interface Props {
  place: CursorPlace;
  /** The paragraph's number as the text shows it: '12.', '(a)'; undefined for a preambular one. */
  paragraphNumber: string | undefined;
  mayManage: boolean;
  mayDecide: boolean;
  /** Pending proposals touching the paragraph, for accepting or rejecting them together. */
  pendingInParagraph: number;
  revisionId: string;
  announce: (message: string) => void;
}

/**
 * For the Chair, a pen-holding Bureau member or the section's facilitator: where the
 * negotiation stands on the paragraph holding the cursor and on its section, and the means to
 * change it (DESIGN.md §1). Everyone else reads the status in the margin.
 */
export function PlaceControls({
  place,
  paragraphNumber,
  mayManage,
  mayDecide,
  pendingInParagraph,
  revisionId,
  announce,
}: Props) {
  const act = useAct(announce);
  const titleId = useId();
  const busy = act.running !== null;
  const { paragraph, section } = place;
  const label = paragraph ? paragraphLabel(paragraph.kind, paragraphNumber) : null;
  // "Accept all in paragraph 12", but "… in this paragraph" where the text gives no number.
  const named = paragraphNumber ? (label ?? 'This paragraph') : 'This paragraph';
  return (
    <section className="zd-place" aria-labelledby={titleId} aria-busy={busy}>
      <h3 id={titleId} className="zd-place-title">
        At the cursor: {label ?? 'Section heading'}
      </h3>
      {paragraph && mayManage && (
        <fieldset className="zd-act-row">
          <legend className="zd-place-label">Status of {named.toLowerCase()}</legend>
          {PARAGRAPH_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className="zd-button zd-act"
              aria-pressed={paragraph.status === status}
              aria-disabled={busy}
              onClick={() => {
                if (paragraph.status === status) return;
                void act.run('Saving the paragraph’s status…', async () => {
                  await setParagraphStatus(revisionId, paragraph.pid, status);
                  return statusDone(named, status);
                });
              }}
            >
              {PARAGRAPH_STATUS_NAMES[status]}
            </button>
          ))}
        </fieldset>
      )}
      {mayManage && (
        <div className="zd-act-row">
          <span className="zd-place-label">
            {section.heading}: {section.closed ? CLOSED_SECTION_LABEL.toLowerCase() : 'open for proposals'}
          </span>
          <button
            type="button"
            className="zd-button zd-act"
            aria-disabled={busy}
            onClick={() =>
              void act.run(section.closed ? 'Opening the section…' : 'Closing the section…', async () => {
                await setSectionClosed(revisionId, section.sid, !section.closed);
                return sectionDone(section.heading, !section.closed);
              })
            }
          >
            {section.closed ? 'Open section for proposals' : 'Close section for proposals'}
          </button>
        </div>
      )}
      <ActStatus act={act} />
      {paragraph && mayDecide && (
        <BulkDecisions
          scope={{ kind: 'paragraph', pid: paragraph.pid, paragraphLabel: named }}
          count={pendingInParagraph}
          revisionId={revisionId}
          announce={announce}
        />
      )}
    </section>
  );
}
