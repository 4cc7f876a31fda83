import { COMMANDS, type CommandName, OMNIBOX_KEYWORD } from '../launch/commands.ts';
import { useT } from './locale.ts';

export interface ShortcutView {
  name: CommandName;
  /** The key the browser has for it now ("Alt+Shift+K"); empty when none is set. */
  shortcut: string;
}

/**
 * The keyboard shortcuts as the browser has them now (commands.getAll(): the person may have changed them),
 * the way to change them, and the address bar's keyword.
 */
export function ShortcutsPanel({
  shortcuts,
  hasSidePanel,
  onManage,
}: {
  shortcuts: readonly ShortcutView[] | null;
  hasSidePanel: boolean;
  /** Opens the browser's shortcut settings (Chrome's page, Firefox's Manage Extension Shortcuts). */
  onManage(): void;
}) {
  const t = useT();
  return (
    <section class="shortcuts" data-testid="shortcuts">
      <h2>{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {COMMANDS.map((c) => {
            const key = shortcuts?.find((s) => s.name === c.name)?.shortcut ?? '';
            return (
              <tr key={c.name} data-testid="shortcut" data-command={c.name}>
                <td>
                  {t(c.label)}
                  {c.name === 'open-side-panel' && !hasSidePanel && (
                    <span class="hint"> ({t('shortcuts.noSidePanel')})</span>
                  )}
                </td>
                <td>{key ? <kbd data-testid="shortcut-key">{key}</kbd> : <i>{t('shortcuts.notSet')}</i>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">{t('shortcuts.intro')}</p>
      <button type="button" onClick={onManage} data-testid="manage-shortcuts">
        {t('shortcuts.manage')}
      </button>
      <ul class="hint">
        <li>{t('shortcuts.where.chrome')}</li>
        <li>{t('shortcuts.where.firefox')}</li>
      </ul>
      <h2>{t('omnibox.title')}</h2>
      <p>{t('omnibox.help')}</p>
      <ul data-testid="omnibox-help">
        {(['omnibox.example.pair', 'omnibox.example.buy', 'omnibox.example.alert'] as const).map((k) => (
          <li key={k}>
            <code>{OMNIBOX_KEYWORD}</code> {t(k)}
          </li>
        ))}
      </ul>
    </section>
  );
}
