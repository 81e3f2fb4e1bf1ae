import { delegationColour } from '@zerodraft/shared/presence.ts';
import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';

/** How a delegation's suggestions look: its colour, and its name for "Proposed by …". */
export interface DelegationLook {
  name: string;
  /** `#rrggbb`, from `delegationColour`. */
  colour: string;
}

/**
 * Each delegation with suggestions in the text, by id: the proposals' records name them (the
 * marks carry only ids); `own` covers one's own delegation before the server has recorded
 * its first proposal.
 */
export function delegationLooks(
  records: Iterable<ProposalRecord>,
  own: { id: string; look: DelegationLook } | null,
): Map<string, DelegationLook> {
  const looks = new Map<string, DelegationLook>();
  if (own) looks.set(own.id, own.look);
  for (const record of records) {
    if (looks.has(record.delegationId)) continue;
    looks.set(record.delegationId, { name: record.delegationName, colour: delegationColour(record.delegationCode) });
  }
  return looks;
}

/** A CSS string literal; `<` is escaped too, so a name can never close the style element. */
const cssString = (value: string): string =>
  `"${value
    .replace(/[\\"]/g, '\\$&')
    .replace(/</g, '\\3c ')
    .replace(/[\n\r\f]/g, ' ')}"`;

/**
 * One rule per delegation giving its suggestions (which carry `data-delegation`) their colour
 * and name as custom properties, for suggestions.css to draw with. A stylesheet costs nothing
 * per keystroke, whatever the size of the revision.
 */
export function delegationStyles(looks: ReadonlyMap<string, DelegationLook>): string {
  const rules: string[] = [];
  for (const [id, { name, colour }] of looks) {
    if (!/^#[0-9a-f]{6}$/i.test(colour)) continue;
    rules.push(
      `.zd-document [data-delegation=${cssString(id)}] { --zd-delegation-colour: ${colour}; --zd-delegation-name: ${cssString(name)}; }`,
    );
  }
  return rules.join('\n');
}
