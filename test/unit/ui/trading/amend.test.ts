// An amend is on the order path: what is typed is read in the page's language before anything is sent.
// "0,0002" in French is 0.0002 (exactly); "1,000" is refused in either language (a thousand, or one?), and a
// point in French or a comma in English is refused with the message that says how to write it.
import { describe, expect, it } from 'vitest';
import { changeOf } from '../../../../lib/ui/trading/Amend.tsx';
import { order } from './fixtures.ts';

const resting = order({ volume: '0.01000000', limitPrice: '45000.0' });

describe('changeOf', () => {
  it('French: a decimal comma is read exactly; only what changed is sent', () => {
    expect(changeOf(resting, { volume: '0,0002', limitPrice: '45000,0', triggerPrice: '' }, 'fr')).toEqual({
      volume: '0.0002',
    });
    expect(changeOf(resting, { volume: '0,01', limitPrice: '44100,5', triggerPrice: '' }, 'fr')).toEqual({
      limitPrice: '44100.5',
    });
  });

  it('refuses what could be read two ways, and the other language’s separator, saying how to write it', () => {
    expect(changeOf(resting, { volume: '1,000', limitPrice: '45000', triggerPrice: '' }, 'fr')).toMatch(
      /^« 1,000 » peut se lire en milliers ou en décimales/,
    );
    expect(changeOf(resting, { volume: '0.0002', limitPrice: '45000,0', triggerPrice: '' }, 'fr')).toBe(
      'En français, les décimales prennent une virgule : 0,5 et non 0.5.',
    );
    expect(changeOf(resting, { volume: '0,0002', limitPrice: '45000.0', triggerPrice: '' }, 'en')).toBe(
      'Decimals take a point in English: 0.5, not 0,5.',
    );
  });

  it('refuses zero and an amend that changes nothing', () => {
    expect(changeOf(resting, { volume: '0', limitPrice: '45000.0', triggerPrice: '' })).toBe(
      'Enter numbers above zero.',
    );
    expect(changeOf(resting, { volume: '0.01', limitPrice: '45000', triggerPrice: '' })).toBe(
      'Nothing changed: type a new amount or price.',
    );
  });
});
