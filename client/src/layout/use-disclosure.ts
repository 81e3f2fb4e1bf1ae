import { type RefObject, useEffect, useRef, useState } from 'react';

export interface Disclosure {
  open: boolean;
  setOpen(open: boolean): void;
  /** For the button that opens it: it takes the focus back when the form closes. */
  openerRef: RefObject<HTMLButtonElement | null>;
}

/**
 * A form that a button opens in place ("Circulate…", "New document…"). When it closes, by
 * Cancel or once done, the keyboard focus goes back to that button rather than to the page's
 * start, so a keyboard or screen-reader user is where they were.
 */
export function useDisclosure(): Disclosure {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (!open && wasOpen.current) openerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return { open, setOpen, openerRef };
}
