// The shape of a French catalog, from its English one: the same keys; a plural entry has one text per category
// of Intl.PluralRules('fr'): one (0 and 1, and below 2: 1,5 ordre), many (whole millions: 1 000 000 d’ordres),
// other (CLDR).

/** A French plural entry: one text per category of Intl.PluralRules('fr'). */
export interface FrenchPlural {
  one: string;
  many: string;
  other: string;
}

export type FrenchOf<English> = { [K in keyof English]: English[K] extends string ? string : FrenchPlural };
