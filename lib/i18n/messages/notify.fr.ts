// French texts of notifications and the background’s messages shown to people (entrypoints/background, lib/ui/error-text.ts): the same keys as notify.en.ts.
// French typography: a no-break space (U+00A0) before “:”, a narrow one (U+202F) before ; ! ? and inside « ».
import type { FrenchOf } from './french.ts';
import type { notifyEn } from './notify.en.ts';

export const notifyFr: FrenchOf<typeof notifyEn> = {
  'error.unreachable':
    'L’arrière-plan de l’extension n’a pas répondu. Il redémarre tout seul ; réessayez dans un instant.',
};
