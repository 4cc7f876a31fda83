// Every text of both languages, loaded at once: for the background (notifications, the address bar, errors)
// and the tests. Pages load only their own areas in their language (areas.ts).

import type { Locale } from './locales.ts';
import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';
import { addCatalog, type Entry, type MessageKey } from './translate.ts';

addCatalog('en', en);
addCatalog('fr', fr);

/** The whole catalog of each language. */
export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, Entry>>>> = { en, fr };
