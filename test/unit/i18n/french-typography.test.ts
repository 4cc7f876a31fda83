// French as it is printed: typographic apostrophes, a no-break space before “:” and a narrow no-break space
// before ; ! ? and inside « » (so a line never starts with the sign), in the catalogs of the options page, the
// side panel, the notifications and an alert's refusal. A plain space there would let the browser break the line before the sign.
import { describe, expect, it } from 'vitest';
import { alertRulesFr } from '../../../lib/i18n/messages/alert-rules.fr.ts';
import { notifyFr } from '../../../lib/i18n/messages/notify.fr.ts';
import { optionsFr } from '../../../lib/i18n/messages/options.fr.ts';
import { panelFr } from '../../../lib/i18n/messages/panel.fr.ts';

const texts = (catalog: Record<string, string | Record<string, string>>) =>
  Object.entries(catalog).flatMap(([key, entry]) =>
    (typeof entry === 'string' ? [entry] : Object.values(entry)).map((text) => [key, text] as const),
  );

describe.each([
  ['options', optionsFr],
  ['panel', panelFr],
  ['notify', notifyFr],
  ['alertRules', alertRulesFr],
] as const)('the %s catalog in French', (_name, catalog) => {
  const all = texts(catalog as unknown as Record<string, string | Record<string, string>>);

  it('has texts to check', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it('uses typographic apostrophes', () => {
    expect(all.filter(([, t]) => t.includes("'"))).toEqual([]);
  });

  it('puts a no-break space before every colon, a narrow one before ; ! ? and inside « »', () => {
    const bad: string[] = [];
    for (const [key, t] of all) {
      [...t].forEach((c, i) => {
        const before = t[i - 1] ?? '';
        const after = t[i + 1] ?? '';
        // A colon inside a URL, an address or a time ("http://", "[::1]", "127.0.0.1:8787") is not punctuation.
        const technical =
          c === ':' && (after === '/' || after === ':' || before === ':' || /\d/.test(before));
        if (c === ':' && !technical && before !== '\u00a0') bad.push(`${key}: “${t}”`);
        if (';!?'.includes(c) && before !== '\u202f') bad.push(`${key}: “${t}”`);
        if (c === '«' && after !== '\u202f') bad.push(`${key}: “${t}”`);
        if (c === '»' && before !== '\u202f') bad.push(`${key}: “${t}”`);
      });
    }
    expect(bad).toEqual([]);
  });
});
