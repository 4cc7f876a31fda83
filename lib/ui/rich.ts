// A translated sentence with elements inside it ("Start one with <code>npm run sim</code>; …"): the catalog keeps
// the whole sentence, so a translation may move the element; each placeholder named in `parts` becomes that
// element where the sentence has it.
import type { ComponentChildren } from 'preact';
import type { ArgsOf, MessageKey, Translate } from '../i18n/translate.ts';

type PartsOf<K extends MessageKey> =
  ArgsOf<K> extends [infer P] ? { [N in keyof P]: ComponentChildren } : never;

// Private-use characters: never in a catalog, so they mark exactly where each part goes.
const OPEN = '\u{E000}';
const CLOSE = '\u{E001}';

export function rich<K extends MessageKey>(t: Translate, key: K, parts: PartsOf<K>): ComponentChildren[] {
  const elements = parts as Record<string, ComponentChildren>;
  const names = Object.keys(elements);
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const text = (t as unknown as (key: K, params: Record<string, string>) => string)(key, marks);
  return text
    .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'u'))
    .map((piece, i): ComponentChildren => (i % 2 === 0 ? piece : elements[names[Number(piece)] ?? '']))
    .filter((piece) => piece !== '');
}
