import { UN_STATES } from '@zerodraft/shared/countries/states.ts';
import { useId, useState } from 'react';
import { delegationFieldNames as names } from './delegation-choice.ts';

/**
 * A State from the list of the 193 Member and 2 Observer States (type a few letters; the
 * browser offers the matching names), or an intergovernmental or non-governmental organisation.
 */
export function DelegationFields({ legend }: { legend: string }) {
  const id = useId();
  const [kind, setKind] = useState<'state' | 'organisation'>('state');
  return (
    <fieldset className="zd-fieldset">
      <legend>{legend}</legend>
      <div className="zd-choice">
        <label>
          <input
            type="radio"
            name={names.kind}
            value="state"
            checked={kind === 'state'}
            onChange={() => setKind('state')}
          />{' '}
          A State
        </label>
        <label>
          <input
            type="radio"
            name={names.kind}
            value="organisation"
            checked={kind === 'organisation'}
            onChange={() => setKind('organisation')}
          />{' '}
          An organisation
        </label>
      </div>
      {kind === 'state' ? (
        <div className="zd-field">
          <label htmlFor={`${id}-state`}>State</label>
          <input
            id={`${id}-state`}
            name={names.state}
            list={`${id}-states`}
            autoComplete="off"
            required
            aria-describedby={`${id}-state-hint`}
          />
          <p id={`${id}-state-hint`} className="zd-hint">
            Type the first letters of the name, then pick it from the list of UN Member and Observer States.
          </p>
          <datalist id={`${id}-states`}>
            {UN_STATES.map((state) => (
              <option key={state.code} value={state.name} />
            ))}
          </datalist>
        </div>
      ) : (
        <>
          <div className="zd-field">
            <label htmlFor={`${id}-org-name`}>Name of the organisation</label>
            <input id={`${id}-org-name`} name={names.organisationName} required maxLength={200} />
          </div>
          <div className="zd-field">
            <label htmlFor={`${id}-acronym`}>Acronym</label>
            <input
              id={`${id}-acronym`}
              name={names.acronym}
              required
              maxLength={20}
              aria-describedby={`${id}-acronym-hint`}
            />
            <p id={`${id}-acronym-hint`} className="zd-hint">
              For example UNODA or ICRC. It stands for the organisation in lists and in the audit log.
            </p>
          </div>
          <div className="zd-field">
            <label htmlFor={`${id}-org-kind`}>Kind</label>
            <select id={`${id}-org-kind`} name={names.organisationKind} defaultValue="igo">
              <option value="igo">Intergovernmental organisation (IGO)</option>
              <option value="ngo">Non-governmental organisation (NGO)</option>
            </select>
          </div>
        </>
      )}
    </fieldset>
  );
}
