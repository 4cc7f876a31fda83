// @vitest-environment happy-dom
// Issue 19: an invalid passphrase never clears other fields. A passphrase the page can judge (too short, not
// repeated the same) is refused before anything is sent; one the vault refuses clears only the passphrase
// (it was sent), never the key just pasted (it was not). And the panel speaks the page's language.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultView } from '../../../lib/messaging/protocol.ts';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import type { VaultActions } from '../../../lib/ui/vault/AddKeyForm.tsx';
import { VaultPanel } from '../../../lib/ui/vault/VaultPanel.tsx';
import { VaultError } from '../../../lib/vault/errors.ts';

afterEach(cleanup);

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });
const view = (over: Partial<VaultView> = {}): VaultView => ({
  status: 'empty',
  keys: [],
  damaged: [],
  checking: false,
  endpoint: 'http://127.0.0.1:8787',
  autoLockMinutes: 15,
  refused: { untrusted: 0, malformed: 0 },
  ...over,
});
function actions(over: Partial<VaultActions> = {}) {
  const answer = vi.fn(async () => view({ status: 'unlocked' }));
  return {
    get: answer,
    create: vi.fn(async () => view({ status: 'unlocked' })),
    unlock: answer,
    lock: answer,
    addKey: vi.fn(async () => view({ status: 'unlocked' })),
    removeKey: answer,
    replaceKey: answer,
    setActive: answer,
    relabel: answer,
    reset: answer,
    setAutoLock: answer,
    ...over,
  };
}
const SECRET = 'c2VjcmV0c2VjcmV0';
function fillKey() {
  type('key-label', 'Main');
  type('key-api-key', 'K'.repeat(56));
  type('key-secret', SECRET);
  type('key-otp', '123456');
}
/** Submits, then lets every pending promise of the form run (create, then addKey, then its state). */
const submit = async () => {
  await act(async () => {
    fireEvent.submit(byId('add-key-form'));
  });
  await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
};
const values = () =>
  ['key-label', 'key-api-key', 'key-secret', 'key-otp', 'vault-passphrase', 'vault-passphrase-confirm'].map(
    (id) => byId(id).value,
  );

describe('choosing the vault passphrase with the first key', () => {
  it('asks for the passphrase before the key', () => {
    render(<VaultPanel view={view()} actions={actions()} onView={() => {}} />);
    const fields = [...document.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
    expect(fields.indexOf('vault-passphrase')).toBeLessThan(fields.indexOf('key-api-key'));
  });

  it('a too-short passphrase: refused with a message, nothing sent, every field kept', async () => {
    const a = actions();
    render(<VaultPanel view={view()} actions={a} onView={() => {}} />);
    fillKey();
    type('vault-passphrase', 'short');
    type('vault-passphrase-confirm', 'short');
    await submit();
    expect(byId('vault-error').textContent).toBe(
      'The passphrase is too short: use at least 10 characters. Nothing was sent.',
    );
    expect(a.create).not.toHaveBeenCalled();
    expect(a.addKey).not.toHaveBeenCalled();
    expect(values()).toEqual(['Main', 'K'.repeat(56), SECRET, '123456', 'short', 'short']);
  });

  it('two different passphrases: refused, nothing sent, every field kept', async () => {
    const a = actions();
    render(<VaultPanel view={view()} actions={a} onView={() => {}} />);
    fillKey();
    type('vault-passphrase', 'a long passphrase');
    type('vault-passphrase-confirm', 'a long passphrasE');
    await submit();
    expect(byId('vault-error').textContent).toMatch(/^The two passphrases differ/);
    expect(a.create).not.toHaveBeenCalled();
    expect(values()).toEqual([
      'Main',
      'K'.repeat(56),
      SECRET,
      '123456',
      'a long passphrase',
      'a long passphrasE',
    ]);
  });

  it('a passphrase the vault refuses clears the passphrase only: the key, not sent, stays', async () => {
    const a = actions({
      create: vi.fn(async () => {
        throw new VaultError('weak-passphrase');
      }),
    });
    render(<VaultPanel view={view()} actions={a} onView={() => {}} />);
    fillKey();
    type('vault-passphrase', 'ten chars!');
    type('vault-passphrase-confirm', 'ten chars!');
    await submit();
    expect(byId('vault-error').textContent).toBe('Use a passphrase of at least 10 characters.');
    expect(a.addKey).not.toHaveBeenCalled();
    expect(values()).toEqual(['Main', 'K'.repeat(56), SECRET, '123456', '', '']);
  });

  it('a good passphrase creates the vault, then sends the key once and clears the secrets', async () => {
    const a = actions();
    const onView = vi.fn();
    render(<VaultPanel view={view()} actions={a} onView={onView} />);
    fillKey();
    type('vault-passphrase', 'a long passphrase');
    type('vault-passphrase-confirm', 'a long passphrase');
    await submit();
    expect(a.create).toHaveBeenCalledWith('a long passphrase');
    expect(a.addKey).toHaveBeenCalledWith({
      label: 'Main',
      apiKey: 'K'.repeat(56),
      apiSecret: SECRET,
      otp: '123456',
      nonceScale: 'ms',
    });
    expect(values()).toEqual(['', '', '', '', '', '']);
  });
});

describe('the vault panel in French', () => {
  it('says every part in French, the background’s vault errors included', async () => {
    const a = actions({
      unlock: vi.fn(async () => {
        throw new VaultError('wrong-passphrase');
      }),
    });
    render(
      <LocaleContext.Provider value="fr">
        <VaultPanel view={view({ status: 'locked' })} actions={a} onView={() => {}} />
      </LocaleContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 2, name: /^Coffre/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Clés d’API' })).toBeTruthy();
    expect(byId('unlock-form').textContent).toContain('Vos clés sont verrouillées.');
    type('unlock-passphrase', 'not it at all');
    await act(async () => {
      fireEvent.submit(byId('unlock-form'));
    });
    expect(byId('vault-error').textContent).toMatch(/^Phrase secrète erronée/);
  });
});
