// The keyboard shortcuts (the manifest's `commands`): their names, the keys suggested at install, and the
// text the options page lists them with. The browser owns the keys after install (the person may change or
// clear them): the options page reads them back with commands.getAll().
// Keys: Alt+Shift+letter, which neither Chrome nor Firefox binds on Windows, macOS or Linux (Chrome's
// Alt+Shift+T/B/A/I, the toolbar, bookmarks bar, dialogs and feedback, are avoided), and a browser that
// finds a key taken leaves that command without one rather than failing the install.
// https://developer.chrome.com/docs/extensions/reference/api/commands ·
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/commands
import type { PlainKey } from '../i18n/translate.ts';

export const COMMAND = {
  /** Built in: opens the toolbar popup. */
  openPopup: '_execute_action',
  /** The popup on the Trade tab, the ticket on the starred pair with the amount focused. */
  focusTicket: 'focus-ticket',
  /** The side panel (Chrome sidePanel / Firefox sidebar_action) once this version has one; else nothing. */
  sidePanel: 'open-side-panel',
} as const;
export type CommandName = (typeof COMMAND)[keyof typeof COMMAND];

export interface CommandInfo {
  name: CommandName;
  /** What the browser's shortcut page shows (the manifest's `description`, from _locales). */
  manifestDescription: string;
  suggestedKey: string;
  /** How the options page names it. */
  label: PlainKey;
}

export const COMMANDS: readonly CommandInfo[] = [
  {
    name: COMMAND.openPopup,
    manifestDescription: '__MSG_cmdOpenPopup__',
    suggestedKey: 'Alt+Shift+K',
    label: 'shortcuts.command.openPopup',
  },
  {
    name: COMMAND.focusTicket,
    manifestDescription: '__MSG_cmdFocusTicket__',
    suggestedKey: 'Alt+Shift+O',
    label: 'shortcuts.command.focusTicket',
  },
  {
    name: COMMAND.sidePanel,
    manifestDescription: '__MSG_cmdSidePanel__',
    suggestedKey: 'Alt+Shift+L',
    label: 'shortcuts.command.sidePanel',
  },
];

/** The manifest's `commands` key. */
export function manifestCommands(): Record<
  string,
  { suggested_key: { default: string }; description: string }
> {
  return Object.fromEntries(
    COMMANDS.map((c) => [
      c.name,
      { suggested_key: { default: c.suggestedKey }, description: c.manifestDescription },
    ]),
  );
}

/** The address bar keyword: `kr btc`, `kr buy 0.01 btc 60000`, `kr alert btc > 100000`. */
export const OMNIBOX_KEYWORD = 'kr';
