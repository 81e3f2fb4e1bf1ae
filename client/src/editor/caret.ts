import type { DecorationAttrs } from '@tiptap/pm/view';
import { presenceOf } from './awareness.ts';

/**
 * Another person's caret, labelled "Name (Delegation)" in the delegation's colour. Hidden from
 * screen readers, which would otherwise read the label as part of the text; the list of who
 * is here says the same.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const person = presenceOf(user);
  const caret = document.createElement('span');
  caret.className = 'zd-caret';
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'zd-caret-label';
  label.textContent = person ? `${person.name} (${person.delegation})` : 'Someone';
  if (person) {
    caret.style.borderColor = person.colour;
    label.style.backgroundColor = person.colour;
  }
  // Word joiners keep the caret from opening a line break opportunity in the text around it.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** Another person's selection, tinted with their delegation's colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const person = presenceOf(user);
  return person
    ? { class: 'zd-remote-selection', style: `background-color: ${person.colour}33` }
    : { class: 'zd-remote-selection' };
}
