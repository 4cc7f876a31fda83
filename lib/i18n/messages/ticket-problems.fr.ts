// French texts of the ticket's problems: the same keys as ticket-problems.en.ts. Typography: a narrow no-break
// space (U+202F) before ; : ! ? and %, a no-break space between a number and its unit, typographic apostrophes.
import type { FrenchOf } from './french.ts';
import type { ticketProblemsEn } from './ticket-problems.en.ts';

export const ticketProblemsFr: FrenchOf<typeof ticketProblemsEn> = {
  // validateOrder's problems (lib/orders/problem-text.ts).
  'problem.attachedClose': 'Clôture attachée : {problem}',
  'problem.pair.status': '{symbol} n’accepte pas de nouveaux ordres pour le moment ({status}).',
  'problem.pair.limitOnly': '{symbol} n’accepte que des ordres à cours limité pour le moment.',
  'problem.pair.postOnly': '{symbol} n’accepte que des ordres à cours limité « post-only » pour le moment.',
  'problem.amount.required': 'Saisissez une quantité.',
  'problem.amount.notANumber': 'La quantité doit être un nombre comme {example}.',
  'problem.amount.notPositive': 'La quantité doit être supérieure à zéro.',
  'problem.amount.decimals': {
    one: 'Les quantités de {symbol} ont au plus {count} décimale.',
    many: 'Les quantités de {symbol} ont au plus {count} de décimales.',
    other: 'Les quantités de {symbol} ont au plus {count} décimales.',
  },
  'problem.amount.belowMinimum': 'Le plus petit ordre sur {symbol} est de {min} {asset}.',
  'problem.limit.required': 'Saisissez un prix limite.',
  'problem.limit.notANumber': 'Le prix limite doit être un nombre comme {example}.',
  'problem.limit.notPositive': 'Le prix limite doit être supérieur à zéro.',
  'problem.limit.tick': 'Le prix limite doit être un multiple de {tick} {asset}.',
  'problem.trigger.required': 'Saisissez un prix de déclenchement.',
  'problem.trigger.notANumber': 'Le prix de déclenchement doit être un nombre comme {example}.',
  'problem.trigger.notPositive': 'Le prix de déclenchement doit être supérieur à zéro.',
  'problem.trigger.tick': 'Le prix de déclenchement doit être un multiple de {tick} {asset}.',
  'problem.price.decimals': {
    one: 'Les prix de {symbol} ont au plus {count} décimale.',
    many: 'Les prix de {symbol} ont au plus {count} de décimales.',
    other: 'Les prix de {symbol} ont au plus {count} décimales.',
  },
  'problem.cost.belowMinimum':
    'Cet ordre vaut {cost} {asset} ; les ordres sur {symbol} doivent valoir au moins {min} {asset}.',
  'problem.balance.buy':
    'Vous disposez de {have} {asset} ; cet ordre demande {needs} {asset}, frais de {fee} % compris.',
  'problem.balance.sell': 'Vous disposez de {have} {asset} ; cet ordre vend {needs} {asset}.',

  // The ticket's own checks (lib/ticket/amount.ts, check.ts, options.ts).
  'ticketProblem.what.amount': 'Une quantité',
  'ticketProblem.what.limitPrice': 'Un prix limite',
  'ticketProblem.what.triggerPrice': 'Un prix de déclenchement',
  'ticketProblem.what.trailOffset': 'Un écart de suivi',
  'ticketProblem.what.limitOffset': 'Un écart limite',
  'ticketProblem.what.closePrice': 'Un prix de clôture',
  'ticketProblem.tooLong.integer': {
    one: '{what} peut avoir au plus {count} chiffre avant la virgule.',
    many: '{what} peut avoir au plus {count} de chiffres avant la virgule.',
    other: '{what} peut avoir au plus {count} chiffres avant la virgule.',
  },
  'ticketProblem.tooLong.fraction': {
    one: '{what} peut avoir au plus {count} chiffre après la virgule.',
    many: '{what} peut avoir au plus {count} de chiffres après la virgule.',
    other: '{what} peut avoir au plus {count} chiffres après la virgule.',
  },
  'ticketProblem.noPrice.market':
    'Il n’y a pas encore de cours de {symbol} pour estimer cet ordre ; attendez le cours en direct.',
  'ticketProblem.noPrice.limit':
    'Saisissez d’abord le prix limite : les montants en {quote} sont convertis en {base} à ce prix.',
  'ticketProblem.noPrice.trigger':
    'Saisissez d’abord le prix de déclenchement : les montants en {quote} sont convertis en {base} à ce prix.',
  'ticketProblem.noPrice.trailing':
    'Il n’y a pas encore de cours de {symbol} d’où faire partir un stop suiveur ; attendez le cours en direct.',
  'ticketProblem.quoteDecimals': {
    one: 'Les montants de {symbol} en {quote} ont au plus {count} décimale.',
    many: 'Les montants de {symbol} en {quote} ont au plus {count} de décimales.',
    other: 'Les montants de {symbol} en {quote} ont au plus {count} décimales.',
  },
  'ticketProblem.quoteBelowMinimum':
    'Le plus petit ordre sur {symbol} est de {min} {base} ; {amount} {quote} ne font que {volume} {base}.',
  'ticketProblem.quoteBelowLot':
    'À ce prix, {amount} {quote} font moins de {lot} {base}, la plus petite quantité sur {symbol}.',
  'ticketProblem.quoteTooLong.integer': {
    one: '{amount} {quote} font {volume} {base}, plus que le {count} chiffre avant la virgule qu’une quantité peut avoir.',
    many: '{amount} {quote} font {volume} {base}, plus que les {count} de chiffres avant la virgule qu’une quantité peut avoir.',
    other:
      '{amount} {quote} font {volume} {base}, plus que les {count} chiffres avant la virgule qu’une quantité peut avoir.',
  },
  'ticketProblem.quoteTooLong.fraction': {
    one: '{amount} {quote} font {volume} {base}, plus que le {count} chiffre après la virgule qu’une quantité peut avoir.',
    many: '{amount} {quote} font {volume} {base}, plus que les {count} de chiffres après la virgule qu’une quantité peut avoir.',
    other:
      '{amount} {quote} font {volume} {base}, plus que les {count} chiffres après la virgule qu’une quantité peut avoir.',
  },
  'ticketProblem.roughEstimate':
    'Pas encore de carnet d’ordres en direct pour {symbol} : cette estimation utilise le dernier cours, {price}, et peut être inexacte.',
  'ticketProblem.beyondBook':
    'Cet ordre dépasse le carnet visible de {symbol} : la part au-delà est estimée à {price} {quote}.',
  'ticketProblem.pairLoading': 'Les détails de {symbol} ne sont pas encore chargés.',
  'ticketProblem.pairLoadingNone': 'Les détails de cette paire ne sont pas encore chargés.',
  'ticketProblem.trailOffset.required': 'Saisissez un écart de suivi.',
  'ticketProblem.trailOffset.notANumber': 'L’écart de suivi doit être un nombre comme {example}.',
  'ticketProblem.trailOffset.notPositive': 'L’écart de suivi doit être supérieur à zéro.',
  'ticketProblem.trailOffset.tick': 'L’écart de suivi doit être un multiple de {tick} {quote}.',
  'ticketProblem.limitOffset.required': 'Saisissez un écart limite.',
  'ticketProblem.limitOffset.notANumber': 'L’écart limite doit être un nombre comme {example}.',
  'ticketProblem.limitOffset.notPositive': 'L’écart limite doit être supérieur à zéro.',
  'ticketProblem.limitOffset.tick': 'L’écart limite doit être un multiple de {tick} {quote}.',
  'ticketProblem.percentDecimals': 'Un pourcentage a au plus 2 décimales (« +5.25% » chez Kraken).',
  'ticketProblem.percentBelow100': 'Un écart en pourcentage doit être inférieur à 100.',
  'ticketProblem.postOnlyLimitOnly': '« post-only » ne s’applique qu’aux ordres à cours limité.',
  'ticketProblem.iocLimitOnly': '« Immédiat ou annulé » ne s’applique qu’aux ordres à cours limité.',
  'ticketProblem.fokLimitOnly': '« Tout ou rien » ne s’applique qu’aux ordres à cours limité.',
  'ticketProblem.postOnlyIoc':
    'Un ordre « post-only » ne peut pas être « immédiat ou annulé » : il ne s’exécute jamais à l’arrivée et serait toujours annulé.',
  'ticketProblem.postOnlyFok':
    'Un ordre « post-only » ne peut pas être « tout ou rien » : il ne s’exécute jamais à l’arrivée et serait toujours annulé.',
  'ticketProblem.postOnlyCross.buy':
    'Un achat « post-only » à {price} s’exécuterait aussitôt contre la meilleure offre de vente à {best} {quote} : Kraken l’annulerait.',
  'ticketProblem.postOnlyCross.sell':
    'Une vente « post-only » à {price} s’exécuterait aussitôt contre la meilleure offre d’achat à {best} {quote} : Kraken l’annulerait.',
  'ticketProblem.triggerNow.below':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou en dessous de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt.',
  'ticketProblem.triggerNow.above':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou au-dessus de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt.',
  'ticketProblem.triggerNow.below.buy':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou en dessous de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt en achat au marché.',
  'ticketProblem.triggerNow.below.sell':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou en dessous de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt en vente au marché.',
  'ticketProblem.triggerNow.above.buy':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou au-dessus de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt en achat au marché.',
  'ticketProblem.triggerNow.above.sell':
    'Le dernier cours de {symbol}, {last}, est déjà au niveau ou au-dessus de ce déclenchement : l’ordre ({type}) se déclencherait aussitôt en vente au marché.',
  'ticketProblem.expiry.market':
    'Un ordre au marché s’exécute tout de suite : il ne peut pas attendre une date.',
  'ticketProblem.expiry.required': 'Saisissez quand l’ordre expire.',
  'ticketProblem.expiry.notATime': 'L’expiration doit être une date et une heure.',
  'ticketProblem.expiry.past':
    'Cette heure est passée (ou à moins d’une minute) : choisissez-en une plus tardive.',
  'ticketProblem.expiry.tooFar':
    'Kraken garde un ordre à échéance au plus un mois : choisissez une heure plus proche.',
  'ticketProblem.close.required': 'Saisissez le prix de déclenchement de la clôture ({type}).',
  'ticketProblem.close.notANumber': 'Le prix de clôture doit être un nombre comme {example}.',
  'ticketProblem.close.notPositive': 'Le prix de clôture doit être supérieur à zéro.',
  'ticketProblem.close.tick': 'Le prix de clôture doit être un multiple de {tick} {quote}.',
  'ticketProblem.close.atOnce.above':
    'Cette clôture ({type}) est au niveau ou au-dessus du prix d’exécution de l’ordre (environ {price} {quote}) : elle se déclencherait dès l’exécution de l’ordre.',
  'ticketProblem.close.atOnce.below':
    'Cette clôture ({type}) est au niveau ou en dessous du prix d’exécution de l’ordre (environ {price} {quote}) : elle se déclencherait dès l’exécution de l’ordre.',
};
