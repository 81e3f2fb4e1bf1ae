import { DelegationChoice } from '@zerodraft/shared/api/meetings.ts';
import { UN_STATES, type UnState } from '@zerodraft/shared/countries/states.ts';

/** The State whose name was typed or picked, ignoring case and spaces around it. */
export function stateNamed(name: string): UnState | undefined {
  const wanted = name.trim().toLocaleLowerCase('en');
  return UN_STATES.find((state) => state.name.toLocaleLowerCase('en') === wanted);
}

/** The names of the form fields `DelegationFields` renders. */
export const delegationFieldNames = {
  kind: 'delegationKind',
  state: 'stateName',
  organisationName: 'organisationName',
  acronym: 'organisationAcronym',
  organisationKind: 'organisationKind',
} as const;

/**
 * The delegation chosen in the form: a State from the list, or an organisation as named.
 * Errors are sentences for the person filling the form in.
 */
export function delegationChoiceFrom(form: FormData): { choice: DelegationChoice } | { error: string } {
  const field = (name: string) => String(form.get(name) ?? '').trim();
  if (field(delegationFieldNames.kind) === 'organisation') {
    const parsed = DelegationChoice.safeParse({
      organisation: {
        name: field(delegationFieldNames.organisationName),
        acronym: field(delegationFieldNames.acronym),
        kind: field(delegationFieldNames.organisationKind) || 'igo',
      },
    });
    if (parsed.success) return { choice: parsed.data };
    if (!field(delegationFieldNames.organisationName)) return { error: 'Give the organisation’s name.' };
    return { error: 'Give the organisation’s acronym in letters and digits, for example UNODA or ICRC.' };
  }
  const typed = field(delegationFieldNames.state);
  const state = stateNamed(typed);
  if (!state) {
    return {
      error: typed
        ? `“${typed}” is not in the list of UN Member and Observer States. Pick a name from the list.`
        : 'Pick a State from the list.',
    };
  }
  return { choice: { stateCode: state.code } };
}
