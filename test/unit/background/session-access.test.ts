// storage.session (where the unlocked vault key lives) is restricted to trusted contexts at every start,
// where the browser can be told so (Chrome); where it cannot (Firefox has no setAccessLevel), nothing breaks.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictSessionStorage } from '../../../entrypoints/background/adapters.ts';

type Area = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

describe('storage.session access level', () => {
  const area = fakeBrowser.storage.session as unknown as Area;
  afterEach(() => {
    delete area.setAccessLevel;
    fakeBrowser.reset();
  });

  it('asks for TRUSTED_CONTEXTS explicitly (Chrome)', async () => {
    const setAccessLevel = vi.fn(async () => {});
    area.setAccessLevel = setAccessLevel;
    await expect(restrictSessionStorage()).resolves.toBe('restricted');
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('a browser without setAccessLevel (Firefox) is told nothing, and start-up goes on', async () => {
    expect(area.setAccessLevel).toBeUndefined();
    await expect(restrictSessionStorage()).resolves.toBe('unsupported');
  });

  it('a refusal is not swallowed: the worker logs it', async () => {
    area.setAccessLevel = async () => {
      throw new Error('Access level cannot be set');
    };
    await expect(restrictSessionStorage()).rejects.toThrow('Access level cannot be set');
  });
});
