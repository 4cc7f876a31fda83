// French texts of the popup's Trade tab: the same keys as popup-trade.en.ts. Typography: a narrow no-break
// space (U+202F) before ; : ! ? and %, a no-break space between a number and its unit, typographic apostrophes.
import type { FrenchOf } from './french.ts';
import type { popupTradeEn } from './popup-trade.en.ts';

export const popupTradeFr: FrenchOf<typeof popupTradeEn> = {
  'ticket.pair': 'Paire',
  'ticket.side': 'Sens',
  'ticket.buy': 'Achat',
  'ticket.sell': 'Vente',
  'ticket.type': 'Type d’ordre',
  'ticket.type.market': 'Au marché',
  'ticket.type.limit': 'Limite',
  'ticket.type.stopLoss': 'Stop de perte',
  'ticket.type.stopLossLimit': 'Stop de perte limite',
  'ticket.type.takeProfit': 'Prise de bénéfice',
  'ticket.type.takeProfitLimit': 'Prise de bénéfice limite',
  'ticket.type.trailingStop': 'Stop suiveur',
  'ticket.type.trailingStopLimit': 'Stop suiveur limite',
  'ticket.tif': 'Durée de validité',
  'ticket.tif.GTC': 'Jusqu’à annulation',
  'ticket.tif.GTD': 'Jusqu’à une date',
  'ticket.tif.IOC': 'Immédiat ou annulé',
  'ticket.tif.FOK': 'Tout ou rien',
  'ticket.loadingRules': 'Chargement des règles de trading de {symbol}…',
  'ticket.noRules': 'Kraken n’a pas de règles de trading pour {symbol}.',
  'ticket.retry': 'Réessayer',
  'ticket.amountIn': 'Quantité ({unit})',
  'ticket.unitSwitch': 'Quantité en {unit} : passer en {other}',
  'ticket.fraction': '{pct} % du disponible',
  'ticket.fractionShort': '{pct} %',
  'ticket.available': '{amount} {asset} disponibles',
  'ticket.available.none': 'Aucun {asset} disponible',
  'ticket.available.locked': 'Solde inconnu : le coffre est verrouillé',
  'ticket.available.noKey': 'Solde inconnu : aucune clé pour le trading réel',
  'ticket.offsetUnit': '{label} : unité',
  'ticket.triggerPrice': 'Prix de déclenchement ({quote}, dernier échange)',
  'ticket.trailBy': 'Écart de suivi',
  'ticket.limitPrice': 'Prix limite ({quote})',
  'ticket.limitBelow': 'Limite sous le déclenchement',
  'ticket.limitAbove': 'Limite au-dessus du déclenchement',
  'ticket.postOnly': 'Post-only (ajout au carnet seulement)',
  'ticket.expires': 'Expire le',
  'ticket.close': 'Ordre de clôture associé',
  'ticket.close.none': 'Pas d’ordre de clôture',
  'ticket.close.takeProfit': 'Puis prise de bénéfice à…',
  'ticket.close.stopLoss': 'Puis stop-loss à…',
  'ticket.closePrice': 'Prix de déclenchement de la clôture, en {quote}',
  'ticket.closePlaceholder': 'Déclenchement ({quote})',
  'ticket.quote.bid': 'Acheteur',
  'ticket.quote.ask': 'Vendeur',
  'ticket.quote.last': 'Dernier',
  'ticket.quote.use': 'Utiliser le prix {what} {price}',
  'ticket.estimate': '≈ {total} {totalAsset} pour {receive} {receiveAsset} (frais {fee} {feeAsset})',
  'ticket.noPriceToSize': 'Pas encore de prix pour dimensionner cet ordre.',
  'ticket.enterPriceFirst': 'Saisissez d’abord le prix.',
  'ticket.noPairs': 'Ajoutez une paire à la liste pour la trader.',
  'ticket.liveOff': 'Ordres réels indisponibles : {reason}.',
  'ticket.viaRest':
    'Le flux privé de Kraken n’est pas connecté : les ordres passent par REST en attendant, toujours envoyés une seule fois.',
  'ticket.previewBuy': 'Aperçu de l’achat (Entrée)',
  'ticket.previewSell': 'Aperçu de la vente (Entrée)',
  'ticket.previewBuyLive': 'Aperçu de l’achat réel (Entrée)',
  'ticket.previewSellLive': 'Aperçu de la vente réelle (Entrée)',

  'preview.labelLive': 'Confirmation d’un ordre réel : de l’argent réel chez Kraken',
  'preview.labelPaper': 'Confirmation d’un ordre fictif',
  'preview.live': 'RÉEL · argent réel',
  'preview.paper': 'Fictif',
  'preview.at': 'à {price}',
  'preview.trailing': 'suiveur {offset}',
  'preview.estPrice': 'Prix estimé',
  'preview.source.book': 'parcours du carnet',
  'preview.source.last': 'au dernier prix',
  'preview.source.limit': 'votre limite',
  'preview.source.trigger': 'votre déclenchement',
  'preview.source.trail': 'le déclenchement au prix d’aujourd’hui',
  'preview.cost': 'Coût',
  'preview.yourFees': 'Vos frais',
  'preview.feeMaker': 'Frais {rate} maker',
  'preview.feeTaker': 'Frais {rate} taker',
  'preview.totalPaid': 'Total payé',
  'preview.totalSold': 'Total vendu',
  'preview.receive': 'Vous recevez',
  'preview.available': '{asset} disponibles',
  'preview.kraken.checking': 'Vérification auprès de Kraken…',
  'preview.kraken.accepted': 'Kraken accepte : {description}',
  'preview.kraken.refused': 'Kraken refuse : {message}',
  'preview.checking':
    'Kraken n’a pas confirmé si cet ordre a été passé. Ne le repassez pas : nous continuons de vérifier.',
  'preview.checkAgain': 'Vérifier à nouveau',
  'preview.back': 'Retour (Échap)',
  'preview.sending': 'Envoi…',
  'preview.confirmBuy': 'Confirmer l’achat',
  'preview.confirmSell': 'Confirmer la vente',
  'preview.confirmBuyLive': 'Confirmer l’achat réel',
  'preview.confirmSellLive': 'Confirmer la vente réelle',

  'result.placed': 'Passé : {what}',
  'result.placedLive': 'Passé : {what} · ordre {id}',
  'result.refused': 'Refusé : {message}',
  'result.notPlaced': 'Non passé : {message}',
  'result.unknown': 'Vérification auprès de Kraken : {message}',
  'result.released': 'Non confirmé : {message}',
  'result.noOrderId': 'La réponse ne contenait pas d’identifiant d’ordre.',

  'fees.rates': 'maker {maker} / taker {taker}',
  'fees.paper': 'Frais fictifs',
  'fees.live': 'Frais',
  'fees.line.account': '{account} : votre palier Kraken, {rates}.',
  'fees.line.accountVolume': '{account} : votre palier Kraken, {rates}, volume sur 30 jours {volume} USD.',
  'fees.line.chosen': '{account} : le palier de {volume} USD de volume sur 30 jours, {rates}.',
  'fees.line.starter': '{account} : palier de départ de Kraken Pro, {rates}.',
  'fees.line.starterLive': '{account} : palier de départ de Kraken Pro, {rates} (en attendant le vôtre).',

  'amend.aboveZero': 'Saisissez des nombres supérieurs à zéro.',
  'amend.amount': 'Quantité',
  'amend.limit': 'Limite',
  'amend.trigger': 'Déclenchement',
  'amend.back': 'Retour',
  'amend.history': 'Historique des modifications',
  'amend.inPlaceLive':
    'Modification sur place : Kraken garde l’identifiant de l’ordre et, si possible, sa place dans la file.',
  'amend.inPlacePaper': 'Modification sur place : l’ordre fictif garde son identifiant.',
  'amend.kind.original': '{time} passé : {what}',
  'amend.kind.user': '{time} modifié : {what}',
  'amend.kind.restated': '{time} réajusté : {what}',
  'amend.never': 'Jamais modifié.',
  'amend.new': 'Nouveau : {what}.',
  'amend.nothing': 'Rien n’a changé : saisissez une nouvelle quantité ou un nouveau prix.',
  'amend.part.amount': 'quantité {value}',
  'amend.part.limit': 'limite {value}',
  'amend.part.trigger': 'déclenchement {value}',
  'amend.review': 'Vérifier la modification',
  'amend.yes': 'Modifier l’ordre',

  'feesPanel.from': 'Le palier suivant ({rates}) s’applique à partir de {volume} USD.',
  'feesPanel.more': 'Encore {volume} USD de volume sur 30 jours pour {rates}.',
  'feesPanel.takerOnly': 'taker {taker}',
  'feesPanel.top': 'C’est le palier le plus haut.',
  'feesPanel.volume': 'Volume sur 30 jours : {volume} USD.',
  'feesPanel.whereAccount': 'votre palier Kraken',
  'feesPanel.whereChosen': 'le palier de {volume} USD',
  'feesPanel.whereStarter': 'palier de départ de Kraken Pro',
  'feesPanel.paperPays': 'Le compte fictif paie',
  'feesPanel.starter': 'le palier de départ',
  'feesPanel.mine': 'mon palier Kraken',
  'feesPanel.ofVolume': 'le palier d’un volume sur 30 jours…',
  'feesPanel.volumeLabel': 'Volume sur 30 jours en USD',
  'feesPanel.volumePlaceholder': 'USD',
  'feesPanel.whole': 'Saisissez un nombre entier d’USD, comme 50000.',
  'feesPanel.use': 'Appliquer',
  'feesPanel.unknownTier':
    'Votre palier Kraken n’est pas encore connu (il est lu quand le trading réel tourne) : palier de départ en attendant.',
  'feesPanel.tiers': 'Paliers à partir de {tiers} USD.',

  'words.falls': 'descend',
  'words.rises': 'monte',
  'words.market.buy': 'Achète {qty} au marché, maintenant.',
  'words.market.sell': 'Vend {qty} au marché, maintenant.',
  'words.limit.buy': 'Achète {qty} à {price} ou moins',
  'words.limit.sell': 'Vend {qty} à {price} ou plus',
  'words.tail.GTC':
    '. Ce qui n’est pas exécuté aussitôt reste dans le carnet jusqu’à ce que vous l’annuliez.',
  'words.tail.GTD': '. Ce qui n’est pas exécuté aussitôt reste dans le carnet jusqu’au {at}.',
  'words.tail.IOC': '. Ce qui n’est pas exécuté aussitôt est annulé.',
  'words.tail.FOK': ', en totalité et aussitôt, ou pas du tout.',
  'words.postOnly':
    'Post-only : il ne fait qu’ajouter au carnet ; Kraken l’annule s’il devait s’exécuter aussitôt.',
  'words.stop.buy': 'Achète {qty} au marché si le cours {move} jusqu’à {price}.',
  'words.stop.sell': 'Vend {qty} au marché si le cours {move} jusqu’à {price}.',
  'words.stopLimit.buy':
    'Si le cours {move} jusqu’à {trigger}, place un ordre limite d’achat de {qty} à {price} ou moins.',
  'words.stopLimit.sell':
    'Si le cours {move} jusqu’à {trigger}, place un ordre limite de vente de {qty} à {price} ou plus.',
  'words.trail.buy': 'le cours monte de {offset} au-dessus de son plus bas depuis le placement',
  'words.trail.sell': 'le cours descend de {offset} sous son plus haut depuis le placement',
  'words.trailing.buy': 'Achète {qty} au marché si {trail}.',
  'words.trailing.sell': 'Vend {qty} au marché si {trail}.',
  'words.trailingLimit.buy':
    'Si {trail}, place un ordre limite d’achat de {qty} à {offset} au-dessus de ce déclenchement ou moins.',
  'words.trailingLimit.sell':
    'Si {trail}, place un ordre limite de vente de {qty} à {offset} sous ce déclenchement ou plus.',
  'words.expires': 'S’il ne s’est pas déclenché le {at}, il expire.',
  'words.close.buy':
    'Une fois exécuté, un ordre {type} rachète la même quantité au marché si le cours {move} jusqu’à {price}.',
  'words.close.sell':
    'Une fois exécuté, un ordre {type} revend la même quantité au marché si le cours {move} jusqu’à {price}.',
  'feeNote.maker': 'Tarif maker : un ordre post-only ne fait qu’ajouter au carnet.',
  'feeNote.taker': 'Tarif taker : il prend dans le carnet.',
  'feeNote.takerShown':
    'Tarif taker affiché : ce qui reste dans le carnet et s’exécute plus tard paie le tarif maker.',

  'gate.pair.limitOnly':
    '{symbol} n’accepte que des ordres limites pour le moment : ordres au marché, stops de perte, prises de bénéfice et stops suiveurs sont désactivés.',
  'gate.pair.postOnly': '{symbol} n’accepte que des ordres limites post-only pour le moment.',
  'gate.pair.cancelOnly':
    '{symbol} est en mode annulation seule : Kraken n’accepte que des annulations, aucun nouvel ordre.',
  'gate.pair.closed': '{symbol} n’accepte pas de nouveaux ordres pour le moment ({status}).',
  'gate.system.postOnly': 'Kraken n’accepte que des ordres limites post-only pour le moment.',
  'gate.system.cancelOnly':
    'Kraken est en mode annulation seule : vous pouvez annuler des ordres, pas en passer.',
  'gate.system.maintenance': 'Kraken est en maintenance : aucun nouvel ordre jusqu’à la fin.',
  'gate.system.other': 'Kraken n’accepte pas d’ordres pour le moment ({status}).',

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
