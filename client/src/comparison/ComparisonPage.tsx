import type {
  ComparedRevision,
  ComparisonRow,
  ProposalOutcome,
  RevisionComparison,
  WordSegment,
} from '@zerodraft/shared/api/comparison.ts';
import { delegationColour } from '@zerodraft/shared/presence.ts';
import { type FormEvent, useId, useState } from 'react';
import { Form, Link, useLoaderData, useLocation, useNavigation } from 'react-router';
import { historyPath } from '../circulation/history-data.ts';
import { revisionStateLabel } from '../meeting/labels.ts';
import { meetingPath } from '../meeting/meeting-data.ts';
import { DateTime } from '../time/DateTime.tsx';
import { type Clock, venueClock } from '../time/format.ts';
import type { comparisonLoader } from './comparison-data.ts';
import { outcomeInWords, rowHeading, rowTag } from './comparison-words.ts';
import './comparison.css';

/**
 * `/documents/:documentId/compare?from=&to=`: two revisions of a document compared (issue 6),
 * the redline by paragraph, then what became of the older one's proposals. Static HTML from
 * the server's model, as the compilation is: no editor, no connection.
 */
export function ComparisonPage() {
  const comparison = useLoaderData<typeof comparisonLoader>();
  const { meeting, document, older, newer, counts } = comparison;
  const [onlyChanges, setOnlyChanges] = useState(false);
  const id = useId();
  const rows = onlyChanges ? comparison.rows.filter((row) => row.change !== 'unchanged') : comparison.rows;

  return (
    <article className="zd-comparison">
      <title>{`${older.revision.name} compared with ${newer.revision.name} — ${document.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>
          {document.title}: {older.revision.name} compared with {newer.revision.name}
        </h1>
        <p>
          <Link to={historyPath(document.id)}>History of the document</Link>
        </p>
        <RevisionChoice comparison={comparison} />
        <TextNotes older={older} newer={newer} />
      </header>

      <section aria-labelledby={`${id}-redline`}>
        <h2 id={`${id}-redline`}>Changes to the text</h2>
        <dl className="zd-comparison-counts">
          {(
            [
              ['Changed', counts.changed],
              ['New', counts.inserted],
              ['Deleted', counts.deleted],
              ['Moved', counts.moved],
              ['Unchanged', counts.unchanged],
            ] as const
          ).map(([name, n]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
        <p className="zd-hint">
          Words added in {newer.revision.name} are <ins>underlined</ins>; words of {older.revision.name} taken out are{' '}
          <del>struck through</del>. Proposals still pending are not part of either text.
        </p>
        <label className="zd-comparison-only">
          <input type="checkbox" checked={onlyChanges} onChange={(event) => setOnlyChanges(event.target.checked)} />{' '}
          Show only the paragraphs that changed
        </label>
        <Redline
          rows={rows}
          olderName={older.revision.name}
          label={`Changes from ${older.revision.name} to ${newer.revision.name}`}
        />
      </section>

      <Proposals comparison={comparison} clock={venueClock(meeting)} />
    </article>
  );
}

/** The two revisions to compare, as a GET form: the choice lives in the address, to share or bookmark. */
function RevisionChoice({ comparison }: { comparison: RevisionComparison }) {
  const { revisions, older, newer } = comparison;
  const id = useId();
  const navigation = useNavigation();
  const location = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const comparing = navigation.state === 'loading' && navigation.location.pathname === location.pathname;

  const check = (event: FormEvent<HTMLFormElement>) => {
    const chosen = new FormData(event.currentTarget);
    if (chosen.get('from') === chosen.get('to')) {
      event.preventDefault();
      setProblem('Choose two different revisions to compare.');
    } else setProblem(null);
  };
  const options = revisions.map((revision) => (
    <option key={revision.id} value={revision.id}>
      {revision.name} ({revisionStateLabel[revision.state].toLowerCase()})
    </option>
  ));

  return (
    <Form
      method="get"
      className="zd-filters zd-comparison-choice"
      aria-label="Revisions to compare"
      onSubmit={check}
      key={`${older.revision.id} ${newer.revision.id}`}
    >
      <div className="zd-field">
        <label htmlFor={`${id}-from`}>Compare</label>
        <select id={`${id}-from`} name="from" defaultValue={older.revision.id}>
          {options}
        </select>
      </div>
      <div className="zd-field">
        <label htmlFor={`${id}-to`}>with</label>
        <select id={`${id}-to`} name="to" defaultValue={newer.revision.id}>
          {options}
        </select>
      </div>
      <button type="submit" className="zd-button zd-button-primary" disabled={comparing}>
        Compare
      </button>
      <p className="zd-comparison-progress" aria-live="polite">
        {comparing ? 'Comparing the revisions…' : ''}
      </p>
      {problem && (
        <p className="zd-field-error" role="alert">
          {problem}
        </p>
      )}
    </Form>
  );
}

/** Why a revision is compared as it is, where that is not the text as circulated. */
function textNote({ revision, text }: ComparedRevision): string | null {
  switch (text) {
    case 'as_circulated':
      return null;
    case 'as_adopted':
      return `${revision.name} is compared as adopted, with the proposals accepted into it after it was circulated.`;
    case 'as_under_silence':
      return `${revision.name} is compared as it stands under silence procedure, with the proposals accepted into it after it was circulated.`;
    case 'current':
      return revision.state === 'in_preparation'
        ? `${revision.name} is in preparation: it is compared as it stands now.`
        : `${revision.name} was not circulated through Zerodraft, so its text as circulated was not kept: it is compared as it stands now, with the proposals accepted into it since.`;
  }
}

/** Which text of each revision is compared. */
function TextNotes({ older, newer }: { older: ComparedRevision; newer: ComparedRevision }) {
  const notes = [older, newer].map(textNote).filter((note) => note !== null);
  if (notes.length === 0) {
    return <p className="zd-hint">Both revisions are compared as they were circulated.</p>;
  }
  return notes.map((note) => (
    <p key={note} className="zd-hint">
      {note}
    </p>
  ));
}

/** About the height of a row of the redline: its heading and three lines of text. */
const ROW_HEIGHT_PX = 130;

/** The rows, in reading order, under their section's heading; a section off screen is laid out when scrolled to. */
function Redline({ rows, olderName, label }: { rows: readonly ComparisonRow[]; olderName: string; label: string }) {
  const sections: { key: string; sid: string | null; heading: string; rows: ComparisonRow[] }[] = [];
  for (const row of rows) {
    const { sid, heading } = row.section;
    const last = sections.at(-1);
    if (last && last.sid === sid && last.heading === heading) last.rows.push(row);
    else sections.push({ key: `${sections.length}:${sid}`, sid, heading, rows: [row] });
  }
  return (
    <section className="zd-comparison-text zd-spoken-changes" aria-label={label}>
      {sections.length === 0 && <p>No paragraph changed.</p>}
      {sections.map((section) => (
        <section
          key={section.key}
          className="zd-comparison-section"
          // Until it is laid out, a section stands for about its rows' height, so the page scrolls true.
          style={{ containIntrinsicSize: `auto ${ROW_HEIGHT_PX * section.rows.length}px` }}
        >
          <h3 className="zd-comparison-heading">{section.heading}</h3>
          {section.rows.map((row) => (
            <Row key={row.pid} row={row} olderName={olderName} />
          ))}
        </section>
      ))}
    </section>
  );
}

function Row({ row, olderName }: { row: ComparisonRow; olderName: string }) {
  const tag = rowTag(row);
  return (
    <div className="zd-comparison-row" data-pid={row.pid} data-change={row.change}>
      <h4 className="zd-comparison-row-heading">
        {rowHeading(row, olderName)}
        {tag && <span className="zd-comparison-tag"> {tag}</span>}
      </h4>
      <p className="zd-comparison-paragraph" data-kind={(row.new ?? row.old)?.kind}>
        <Words segments={row.segments} />
      </p>
    </div>
  );
}

function Words({ segments }: { segments: readonly WordSegment[] }) {
  let offset = 0;
  return segments.map(({ text, change }) => {
    const key = `${offset}:${change}`;
    offset += text.length;
    if (change === 'inserted') return <ins key={key}>{text}</ins>;
    if (change === 'deleted') return <del key={key}>{text}</del>;
    return <span key={key}>{text}</span>;
  });
}

/** "What became of Draft 1's proposals": delegation, words, outcome. */
function Proposals({ comparison, clock }: { comparison: RevisionComparison; clock: Clock }) {
  const { older, newer, proposals } = comparison;
  const id = useId();
  return (
    <section className="zd-comparison-proposals" aria-labelledby={`${id}-proposals`}>
      <h2 id={`${id}-proposals`}>What became of {older.revision.name}’s proposals</h2>
      {proposals.length === 0 ? (
        <p>No proposal was made to {older.revision.name}.</p>
      ) : (
        <table className="zd-table">
          <thead>
            <tr>
              <th scope="col">Delegation</th>
              <th scope="col">Proposal</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((proposal) => (
              <ProposalRow
                key={proposal.id}
                proposal={proposal}
                older={older.revision.name}
                newer={newer.revision.name}
                clock={clock}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProposalRow({
  proposal,
  older,
  newer,
  clock,
}: {
  proposal: ProposalOutcome;
  older: string;
  newer: string;
  clock: Clock;
}) {
  const colour = proposal.delegation.code === null ? undefined : delegationColour(proposal.delegation.code);
  return (
    <tr data-proposal={proposal.id} data-outcome={proposal.outcome}>
      <th scope="row">
        <span className="zd-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        {proposal.delegation.name}
        {proposal.userName && <span className="zd-comparison-by"> {proposal.userName}</span>}
      </th>
      <td>
        <span className="zd-comparison-words">
          {proposal.deleted && <del>{proposal.deleted}</del>}
          {proposal.deleted && proposal.inserted && ' '}
          {proposal.inserted && <ins>{proposal.inserted}</ins>}
        </span>{' '}
        <span className="zd-comparison-attribution">({proposal.attribution})</span>
      </td>
      <td>
        {outcomeInWords(proposal, older, newer)}
        {proposal.decided && (
          <span className="zd-comparison-by">
            {' '}
            by {proposal.decided.userName} ({proposal.decided.delegationName}),{' '}
            <DateTime iso={proposal.decided.at} clock={clock} />
          </span>
        )}
      </td>
    </tr>
  );
}
