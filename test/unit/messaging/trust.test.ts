import { describe, expect, it } from 'vitest';
import { classifySender, isTrustedSender } from '../../../lib/messaging/trust.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('sender trust', () => {
  it.each([
    [{ id: ID, url: `${ORIGIN}/popup.html` }, 'extension-page'],
    [{ id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN }, 'extension-page'],
    [{ id: ID, url: 'https://evil.example/page' }, 'web-content'],
    [
      {
        id: 'otherextensionidotherextensionid',
        url: 'chrome-extension://otherextensionidotherextensionid/x.html',
      },
      'other-extension',
    ],
    [{ url: 'https://evil.example/' }, 'unknown'],
    [{ id: ID }, 'unknown'],
    [{ id: ID, url: 'not a url' }, 'unknown'],
  ])('%j is %s', (sender, expected) => {
    expect(classifySender(sender, ID, `${ORIGIN}/`)).toBe(expected);
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(expected === 'extension-page');
  });
});
