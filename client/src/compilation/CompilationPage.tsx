import type {
  CompilationInline,
  CompilationParagraph,
  CompilationRun,
  CompiledProposal,
} from '@zerodraft/shared/api/compilation.ts';
import type { ReactNode } from 'react';
import { Link, useLoaderData } from 'react-router';
import { DateTime } from '../time/DateTime.tsx';
import { venueClock } from '../time/format.ts';
import type { compilationLoader } from './loader.ts';
import './compilation.css';

type Proposals = Readonly<Record<string, CompiledProposal>>;

/**
 * The compilation text of a revision (DESIGN.md §1), as a UN compilation text prints it:
 * static HTML from the server's model, no editor and no connection, so a 100-page revision
 * opens at once and prints on A4.
 */
export function CompilationPage() {
  const { meeting, document, revision, compiledAt, compilation } = useLoaderData<typeof compilationLoader>();
  const proposals = Object.values(compilation.proposals);
  const delegations = new Set(proposals.map((p) => p.delegationName)).size;
  const label = `Compilation text of ${revision.name}, ${document.title}`;

  return (
    <article className="zd-compilation">
      <title>{`Compilation of proposals — ${revision.name} — ${document.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          {meeting.symbol} · {meeting.title}
        </p>
        <h1>
          {document.title}: {revision.name}
        </h1>
        <p className="zd-compilation-as-of">
          Compilation of proposals as of <DateTime iso={compiledAt} clock={venueClock(meeting)} />
        </p>
        <p className="zd-compilation-summary">
          {proposals.length === 0
            ? 'No pending proposals.'
            : `${count(proposals.length, 'pending proposal')} from ${count(delegations, 'delegation')}.`}{' '}
          Words proposed for insertion are in <ins>bold and underlined</ins>; words proposed for deletion are{' '}
          <del>struck through</del>. Each proposal is followed by its delegation and the delegations that support or
          oppose it, <span className="zd-compilation-attribution">(in brackets and italics)</span>.
        </p>
        <div className="zd-compilation-actions">
          <Link to={`/revisions/${encodeURIComponent(revision.id)}`}>Back to the text</Link>
          <button type="button" className="zd-button zd-button-primary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <section className="zd-compilation-text zd-spoken-changes" aria-label={label}>
        <h2 className="zd-compilation-title">
          <Inline content={compilation.title} proposals={compilation.proposals} />
        </h2>
        {compilation.sections.map((section, s) => (
          <section key={section.sid ?? `section-${s}`} className="zd-compilation-section">
            <h3 className="zd-compilation-heading">
              <Inline content={section.heading} proposals={compilation.proposals} />
              {section.closed && <span className="zd-compilation-closed"> — closed for proposals</span>}
            </h3>
            {section.paragraphs.map((paragraph, p) => (
              <Paragraph
                key={paragraph.pid ?? `paragraph-${s}-${p}`}
                paragraph={paragraph}
                proposals={compilation.proposals}
              />
            ))}
          </section>
        ))}
      </section>
    </article>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function Paragraph({ paragraph, proposals }: { paragraph: CompilationParagraph; proposals: Proposals }) {
  const proposedBy = paragraph.proposed ? proposals[paragraph.proposed] : undefined;
  return (
    <p
      className="zd-compilation-paragraph"
      data-pid={paragraph.pid ?? undefined}
      data-kind={paragraph.kind}
      data-status={paragraph.status}
    >
      {paragraph.number && <span className="zd-compilation-number">{paragraph.number}</span>}
      {proposedBy && (
        <span className="zd-compilation-new" data-proposal={paragraph.proposed ?? undefined}>
          (New paragraph proposed by <i>{proposedBy.attribution}</i>){' '}
        </span>
      )}
      <Inline content={paragraph.content} proposals={proposals} />
      {paragraph.statusName && <span className="zd-compilation-status"> {paragraph.statusName}</span>}
    </p>
  );
}

/** Runs and attributions; each keyed by where it starts in the text, which no other part shares. */
function Inline({ content, proposals }: { content: readonly CompilationInline[]; proposals: Proposals }) {
  const parts: ReactNode[] = [];
  let offset = 0;
  content.forEach((part, i) => {
    if ('proposal' in part) {
      // A word right after the brackets is kept apart from them; punctuation is not.
      const next = content[i + 1];
      const space = next && 'text' in next && /^[\p{L}\p{N}(“‘"']/u.test(next.text) ? ' ' : '';
      parts.push(
        <span key={`${offset}:${part.proposal}`} className="zd-compilation-attribution" data-proposal={part.proposal}>
          {` (${proposals[part.proposal]?.attribution})${space}`}
        </span>,
      );
    } else {
      parts.push(<Run key={offset} run={part} />);
      offset += part.text.length;
    }
  });
  return parts;
}

function Run({ run }: { run: CompilationRun }) {
  let words: ReactNode = run.text;
  if (run.italic) words = <em>{words}</em>;
  if (run.bold) words = <strong>{words}</strong>;
  if (run.deleted) words = <del data-proposals={run.deleted.join(' ')}>{words}</del>;
  if (run.inserted) words = <ins data-proposals={run.inserted.join(' ')}>{words}</ins>;
  return words;
}
