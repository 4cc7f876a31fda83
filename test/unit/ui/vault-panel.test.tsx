// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../lib/i18n/translate.ts';
import type { VaultView } from '../../../lib/messaging/protocol.ts';
import type { VaultActions } from '../../../lib/ui/vault/AddKeyForm.tsx';
import { expiryText, rightsLines, verificationText } from '../../../lib/ui/vault/key-text.ts';
import { VaultPanel } from '../../../lib/ui/vault/VaultPanel.tsx';
import { VaultError } from '../../../lib/vault/errors.ts';
import type { KeySummary, KeyVerification } from '../../../lib/vault/format.ts';

afterEach(cleanup);

const SIM = 'http://127.0.0.1:8787';
const byId = (id: string) => screen.getByTestId(id);
/** Lets every pending promise of the component run (several awaits follow one click). */
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });

const key = (over: Partial<KeySummary> = {}): KeySummary => ({
  id: 'k1',
  label: 'Main',
  apiKeyHint: 'wxyz',
  active: true,
  createdAt: 1,
  verification: { status: 'unchecked' },
  endpoint: SIM,
  nonceScale: 'ms',
  ...over,
});
const view = (over: Partial<VaultView> = {}): VaultView => ({
  status: 'unlocked',
  keys: [],
  damaged: [],
  checking: false,
  endpoint: SIM,
  autoLockMinutes: 15,
  refused: { untrusted: 0, malformed: 0 },
  ...over,
});
function actions(over: Partial<VaultActions> = {}): VaultActions & Record<string, ReturnType<typeof vi.fn>> {
  const answer = vi.fn(async () => view());
  return {
    get: answer,
    create: answer,
    unlock: answer,
    lock: answer,
    addKey: answer,
    removeKey: answer,
    replaceKey: answer,
    setActive: answer,
    relabel: answer,
    reset: answer,
    setAutoLock: answer,
    ...over,
  } as never;
}

describe('vault panel', () => {
  it('locked: keys are listed with their endpoint and can be removed; nothing else changes them', async () => {
    const a = actions({ removeKey: vi.fn(async () => view({ status: 'locked' })) });
    render(<VaultPanel view={view({ status: 'locked', keys: [key()] })} actions={a} onView={() => {}} />);
    expect(byId('key-row').textContent).toContain('Main');
    expect(byId('key-endpoint').textContent).toContain(`Signs only for ${SIM}`);
    expect(screen.queryByTestId('rename-key')).toBeNull();
    expect(screen.queryByTestId('replace-key')).toBeNull();
    expect((byId('key-row').querySelector('input[type=radio]') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(byId('remove-key'));
    await act(async () => {
      fireEvent.click(byId('confirm-remove'));
    });
    expect(a.removeKey).toHaveBeenCalledWith('k1');
  });

  it('lists damaged keys by name with what to do, and removes them', async () => {
    const a = actions();
    const damaged = [
      { id: 'd1', label: 'Old', apiKeyHint: 'abcd', reason: 'the stored record is incomplete' },
    ];
    render(<VaultPanel view={view({ status: 'locked', damaged })} actions={a} onView={() => {}} />);
    expect(byId('damaged-reason').textContent).toBe(
      'Cannot be used: the stored record is incomplete. Remove it, then add the key again.',
    );
    fireEvent.click(byId('remove-damaged'));
    await act(async () => {
      fireEvent.click(byId('confirm-remove-damaged'));
    });
    expect(a.removeKey).toHaveBeenCalledWith('d1');
  });

  it('a key that can withdraw: warning first, nothing re-sent until “Keep”, then with the flag', async () => {
    let calls = 0;
    const addKey = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new VaultError('withdraw-rights', 'its permissions: withdraw-funds');
      return view();
    });
    const a = actions({ addKey });
    render(<VaultPanel view={view()} actions={a} onView={() => {}} />);
    type('key-label', 'Risky');
    type('key-api-key', 'K'.repeat(56));
    type('key-secret', 'c2VjcmV0');
    fireEvent.change(byId('key-nonce-scale'), { target: { value: 'us' } });
    await act(async () => {
      fireEvent.submit(byId('add-key-form'));
    });
    await settle(); // the form's own “Saving…” state ends a few ticks after the answer
    expect(byId('withdraw-confirm').textContent).toContain('This key can withdraw funds');
    expect((byId('key-secret') as HTMLInputElement).value).toBe('');
    expect(addKey).toHaveBeenCalledTimes(1);
    await act(async () => {
      fireEvent.click(byId('confirm-withdraw'));
    });
    expect(addKey).toHaveBeenLastCalledWith({
      label: 'Risky',
      apiKey: 'K'.repeat(56),
      apiSecret: 'c2VjcmV0',
      nonceScale: 'us',
      allowWithdraw: true,
    });
    expect(screen.queryByTestId('withdraw-confirm')).toBeNull();
  });

  it('dropping the warning sends nothing more', async () => {
    const addKey = vi.fn(async () => {
      throw new VaultError('withdraw-rights');
    });
    render(<VaultPanel view={view()} actions={actions({ addKey })} onView={() => {}} />);
    type('key-api-key', 'K'.repeat(56));
    type('key-secret', 'c2VjcmV0');
    await act(async () => {
      fireEvent.submit(byId('add-key-form'));
    });
    fireEvent.click(byId('cancel-withdraw'));
    expect(screen.queryByTestId('withdraw-confirm')).toBeNull();
    expect(addKey).toHaveBeenCalledTimes(1);
  });

  it('a stored key that can withdraw carries a loud warning beside it', () => {
    const verification: KeyVerification = {
      status: 'verified',
      at: 1,
      canQuery: true,
      canTrade: true,
      notes: [],
      permissions: ['query-funds', 'withdraw-funds'],
      withdraw: 'yes',
      validUntil: 4_102_444_800,
      ipAllowlist: ['127.0.0.1'],
    };
    render(
      <VaultPanel view={view({ keys: [key({ verification })] })} actions={actions()} onView={() => {}} />,
    );
    expect(byId('withdraw-warning').getAttribute('role')).toBe('alert');
    expect(byId('key-rights').textContent).toBe(
      'Permissions: query-funds, withdraw-funds · Key expires on January 1, 2100 · Only from IP 127.0.0.1',
    );
  });

  it('reset needs RESET typed before its button works', async () => {
    const a = actions({ reset: vi.fn(async () => view({ status: 'empty' })) });
    render(<VaultPanel view={view({ status: 'locked' })} actions={a} onView={() => {}} />);
    fireEvent.click(byId('reset-vault'));
    type('reset-confirm-input', 'reset');
    expect((byId('reset-confirm') as HTMLButtonElement).disabled).toBe(true);
    type('reset-confirm-input', 'RESET');
    await act(async () => {
      fireEvent.click(byId('reset-confirm'));
    });
    expect(a.reset).toHaveBeenCalledWith('RESET');
  });

  it('while the checks after an unlock run, asks again until they are done', async () => {
    vi.useFakeTimers();
    try {
      const a = actions();
      const onView = vi.fn();
      render(<VaultPanel view={view({ checking: true })} actions={a} onView={onView} />);
      expect(byId('vault-checking').textContent).toContain('Asking the exchange');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_000);
      });
      expect(a.get).toHaveBeenCalledTimes(1);
      expect(onView).toHaveBeenCalledWith(view());
    } finally {
      vi.useRealTimers();
    }
  });

  it('says which endpoint a new key will be bound to', () => {
    render(
      <VaultPanel
        view={view({ endpoint: 'https://api.kraken.com' })}
        actions={actions()}
        onView={() => {}}
      />,
    );
    expect(byId('add-key-endpoint').textContent).toContain('The key will sign only for Kraken');
  });
});

describe('key text', () => {
  const en = translator('en');
  const fr = translator('fr');
  it.each<[KeyVerification, string]>([
    [{ status: 'unchecked' }, 'Not checked yet.'],
    [{ status: 'rejected', at: 1, reason: 'EAPI:Invalid key' }, 'Refused by the exchange: EAPI:Invalid key'],
    [{ status: 'unverified', at: 1, reason: 'offline' }, 'Saved but not checked: offline'],
    [
      { status: 'verified', at: 1, canQuery: true, canTrade: false, notes: ['x.'] },
      'Checked: can query funds. x.',
    ],
    [
      { status: 'verified', at: 1, canQuery: true, canTrade: true, notes: [] },
      'Checked: can query funds and trade.',
    ],
  ])('%j → %s', (v, text) => {
    expect(verificationText(v, en)).toBe(text);
  });

  it('in French', () => {
    expect(verificationText({ status: 'unchecked' }, fr)).toBe('Pas encore vérifiée.');
    expect(
      verificationText({ status: 'verified', at: 1, canQuery: false, canTrade: true, notes: [] }, fr),
    ).toBe('Vérifiée\u00a0: peut trader.');
    expect(expiryText(4_102_444_800, 0, fr, 'fr')).toBe('La clé expire le 1 janvier 2100');
  });

  it('expiry and restrictions', () => {
    expect(expiryText(0, 0, en, 'en')).toBe('Key never expires');
    expect(expiryText(1_000, 2_000_000, en, 'en')).toBe('Key expired on January 1, 1970');
    expect(
      rightsLines(
        { status: 'verified', at: 1, canQuery: true, canTrade: true, notes: [], source: 'probe' },
        0,
        en,
        'en',
      ),
    ).toEqual(['Permissions: found by trying calls (Kraken did not list them)']);
  });
});
