const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** How a TipTap-style shortcut ("Mod+B") is written on this computer: "Ctrl+B", or "⌘B" on a Mac. */
export function shortcutLabel(keys: string): string {
  if (!isMac()) return keys.replace('Mod', 'Ctrl');
  return keys.replace('Mod+', '⌘').replace('Shift+', '⇧');
}

/** The same shortcut as `aria-keyshortcuts` spells it. */
export function ariaShortcut(keys: string): string {
  return keys.replace('Mod', isMac() ? 'Meta' : 'Control');
}
