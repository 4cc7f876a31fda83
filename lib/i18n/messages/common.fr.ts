// French texts every page may show (the same keys as common.en.ts): a launch from the address bar, numbers
// typed the locale's way, and the errors any request can end in.
import type { commonEn } from './common.en.ts';
import type { FrenchOf } from './french.ts';

export const commonFr: FrenchOf<typeof commonEn> = {
  'launch.order':
    'Depuis la barre d’adresse : vérifiez l’ordre, puis prévisualisez-le et confirmez-le. Rien n’est envoyé avant.',
  'launch.alert': 'Depuis la barre d’adresse : vérifiez l’alerte, puis créez-la.',
  'launch.noPair': 'Ajoutez d’abord une paire à la liste : le bon d’ordre trade la paire étoilée.',
  'launch.failed': 'La demande de la barre d’adresse n’a pas pu être ouverte : {reason}',

  'number.empty': 'Saisissez un nombre.',
  'number.grouping': 'Écrivez le nombre sans séparateur de milliers : 1000, et non 1 000 ou 1.000.',
  'number.ambiguous':
    '« {text} » peut se lire en milliers ou en décimales. Écrivez 1000 pour mille ; pour trois décimales, ajoutez un zéro (1,0050).',
  'number.wrongSeparator': 'En français, les décimales prennent une virgule : 0,5 et non 0.5.',
  'number.incomplete': 'Ajoutez les chiffres après la virgule, ou retirez la virgule.',
  'number.sign': 'Saisissez le nombre sans signe.',
  'number.exponent': 'Écrivez le nombre en entier, sans exposant (e).',
  'number.invalid': 'Utilisez uniquement des chiffres, avec une virgule pour les décimales.',

  'error.unreachable':
    'L’arrière-plan de l’extension n’a pas répondu. Il redémarre tout seul ; réessayez dans un instant.',
  'vaultError.no-vault': 'Aucune clé n’est encore enregistrée. Ajoutez d’abord une clé d’API.',
  'vaultError.vault-exists':
    'Un coffre existe déjà. Déverrouillez-le avec sa phrase secrète pour ajouter des clés.',
  'vaultError.locked':
    'Le coffre est verrouillé. Déverrouillez-le avec votre phrase secrète pour utiliser votre clé Kraken.',
  'vaultError.wrong-passphrase':
    'Phrase secrète erronée, ou le contrôle de la phrase secrète du coffre a été modifié. Vérifiez la phrase secrète et réessayez. Si vous ne la connaissez plus, « Réinitialiser le coffre » retire les clés enregistrées pour que vous puissiez les ajouter de nouveau.',
  'vaultError.kdf-downgrade':
    'Le coffre enregistré demande une dérivation de clé plus faible que ce que cette version accepte : il a peut-être été modifié, et n’est pas ouvert. « Réinitialiser le coffre » le retire ; ajoutez ensuite vos clés de nouveau.',
  'vaultError.weak-passphrase': 'Utilisez une phrase secrète d’au moins {min} caractères.',
  'vaultError.invalid-key': 'Cela ne ressemble pas à une clé d’API et une clé privée Kraken.',
  'vaultError.not-found': 'Cette clé n’existe plus.',
  'vaultError.corrupted':
    'Le coffre enregistré est endommagé et ne peut pas être ouvert. « Réinitialiser le coffre » le retire ; ajoutez ensuite vos clés de nouveau.',
  'vaultError.record-damaged':
    'L’enregistrement de cette clé est endommagé et ne peut pas servir. Retirez-la, puis ajoutez la clé de nouveau.',
  'vaultError.withdraw-rights':
    'Cette clé peut retirer des fonds : quiconque l’obtiendrait pourrait sortir votre argent de Kraken. Créez sur Kraken une clé sans « Withdraw Funds » (recommandé), ou confirmez que vous voulez garder celle-ci.',
  'vaultError.reset-unconfirmed':
    'Tapez {word} pour confirmer : toutes les clés enregistrées seront retirées.',
  // Kraken's refusals and the order path's endings, by code (lib/ui/error-text.ts); Kraken's own words are shown beside them as they came.
  'error.kraken': '{hint} (réponse de Kraken : {words})',
  'error.outcomeUnknown':
    'Kraken n’a pas dit si cet ordre a été passé. Ne le passez pas de nouveau : nous continuons de lui demander.',
  'error.expired.too-old':
    'Non passé : la confirmation est trop ancienne pour être envoyée. Revoyez l’ordre et confirmez-le de nouveau.',
  'error.expired.absent':
    'Non passé : Kraken n’a pas cet ordre et il n’a pas pu être confirmé à temps. Revoyez-le et passez-le de nouveau si vous le voulez toujours.',
  'error.expired.never-sent':
    'Non passé : il n’a jamais été envoyé (l’extension a redémarré). Revoyez-le et passez-le de nouveau si vous le voulez toujours.',
  'error.expired.attempts':
    'Non passé : Kraken ne l’a pas pris après plusieurs essais. Revoyez-le et passez-le de nouveau si vous le voulez toujours.',
  'error.foreign':
    'Cet ordre a été confirmé pour une autre clé ou une autre plateforme, il n’est donc pas envoyé ici. Ouvrez un nouveau bon d’ordre pour le passer sur ce compte.',
  'error.notReady': 'Le trading réel n’est pas encore prêt. Réessayez dans un instant.',
  'krakenError.invalid-key':
    'Kraken ne reconnaît pas cette clé d’API. Vérifiez qu’elle a été copiée en entier et n’a pas été supprimée.',
  'krakenError.invalid-signature':
    'La signature de la requête a été refusée. Le secret de l’API est sans doute faux ou incomplet : collez-le de nouveau tel que Kraken l’a affiché.',
  'krakenError.invalid-nonce':
    'Kraken a reçu un numéro de requête (nonce) qui n’était pas plus grand que le précédent : une autre application utilise sans doute la même clé. Donnez à cette extension une clé à elle, avec la fenêtre de nonce laissée à 0.',
  'krakenError.lockout':
    'Kraken a bloqué cette clé quelques minutes après trop d’appels en échec. Attendez environ 15 minutes avant de réessayer.',
  'krakenError.rate-limit':
    'Trop de requêtes en peu de temps. Nous ralentissons et réessayons ; rien à faire.',
  'krakenError.throttled':
    'Kraken nous a demandé une pause, trop de requêtes à la fois. Nous attendons et réessayons.',
  'krakenError.order-rate-limit':
    'Trop de changements d’ordres en peu de temps. Attendez quelques secondes avant de passer ou d’annuler d’autres ordres.',
  'krakenError.orders-limit':
    'Vous avez déjà le nombre maximal d’ordres ouverts sur cette paire. Annulez-en avant d’en passer de nouveaux.',
  'krakenError.insufficient-funds':
    'Votre solde disponible est trop faible pour cet ordre (les fonds retenus par des ordres ouverts ne comptent pas).',
  'krakenError.margin': 'Cet ordre dépasse votre marge autorisée ou votre niveau de marge.',
  'krakenError.order-minimum':
    'La quantité est inférieure au plus petit ordre que cette paire accepte. Augmentez la quantité.',
  'krakenError.cost-minimum':
    'L’ordre vaut moins que le minimum de cette paire (prix × quantité). Augmentez la quantité.',
  'krakenError.tick-size':
    'Le prix n’est pas un multiple du pas de prix de cette paire. Arrondissez-le au pas.',
  'krakenError.invalid-price':
    'Le prix n’est pas valide pour cette paire : vérifiez le nombre de décimales et qu’il est supérieur à zéro.',
  'krakenError.invalid-arguments':
    'Kraken a refusé une valeur de la requête. Vérifiez les champs de l’ordre.',
  'krakenError.unknown-pair':
    'Kraken ne liste pas cette paire. Actualisez la liste des paires et choisissez-en une autre.',
  'krakenError.unknown-order':
    'Kraken n’a aucun ordre ouvert avec cet identifiant ; il est peut-être déjà exécuté ou annulé.',
  'krakenError.permission-denied':
    'Cette clé d’API n’a pas l’autorisation pour cette action. Activez-la dans les réglages de la clé sur Kraken.',
  'krakenError.account-restricted':
    'Kraken a restreint ce compte pour cette action. Vérifiez votre compte sur Kraken ou contactez l’assistance de Kraken.',
  'krakenError.unavailable':
    'Kraken est momentanément indisponible. Nous réessayons bientôt ; un ordre a pu être passé ou non, nous vérifions donc avant tout nouvel envoi.',
  'krakenError.busy':
    'Kraken est surchargé. Nous réessayons bientôt ; un ordre a pu être passé ou non, nous vérifions donc avant tout nouvel envoi.',
  'krakenError.market-mode':
    'Le marché est en mode restreint (annulation seule, « post-only » ou limite seule). Réessayez quand il sera revenu à la normale.',
  'krakenError.deadline-elapsed':
    'L’ordre est arrivé trop tard chez Kraken et n’a pas été passé. Vous pouvez l’envoyer de nouveau.',
  'krakenError.internal': 'Kraken a eu une erreur interne. Nous vérifions et réessayons plus tard.',
  'krakenError.unknown-method': 'Kraken n’a pas cette méthode d’API.',
  'krakenError.timeout':
    'Kraken n’a pas répondu à temps. Nous réessayons si c’est sans risque ; un ordre est vérifié avant tout nouvel envoi.',
  'krakenError.network': 'Impossible de joindre Kraken. Vérifiez la connexion à Internet.',
  'krakenError.http-status':
    'Kraken (ou son CDN) a répondu par une page d’erreur. C’est en général passager.',
  'krakenError.not-json':
    'Kraken a répondu autre chose que son format d’API (souvent une page Cloudflare). C’est en général passager.',
  'krakenError.bad-envelope': 'Kraken a répondu dans un format inattendu.',
  'krakenError.not-sent':
    'Rien n’a été envoyé : la clé d’API ou la plateforme a changé pendant l’envoi. Vérifiez l’onglet Trading et réessayez si vous le voulez toujours.',
  'krakenError.unknown': 'Kraken a refusé la requête.',
};
