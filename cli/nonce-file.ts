import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NonceStore } from '../lib/kraken/index.ts';

/**
 * Nonce marks in a small JSON file, so separate CLI runs on one key keep increasing even if the clock
 * steps back. Written atomically (temp file + rename) before each nonce is used.
 */
export function fileNonceStore(path: string): NonceStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    load: async (keyId) => read()[keyId],
    save: async (keyId, value) => {
      const data = { ...read(), [keyId]: value };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
      renameSync(tmp, path);
    },
  };
}
