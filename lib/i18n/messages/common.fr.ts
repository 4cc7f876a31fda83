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
};
