// French texts of the options page: endpoint, vault, keys, alerts settings, sound (lib/ui/vault, EndpointForm, AlertsSettings, entrypoints/options): the same keys as options.en.ts.
// French typography: a no-break space (U+00A0) before “:”, a narrow one (U+202F) before ; ! ? and inside « ».
import type { FrenchOf } from './french.ts';
import type { optionsEn } from './options.en.ts';

export const optionsFr: FrenchOf<typeof optionsEn> = {
  'options.title': 'Trader for Kraken — Réglages',
  'options.intro':
    'Réglez dans cet ordre : la plateforme, le coffre, votre clé d’API. Le trading fictif n’a besoin d’aucun des trois.',
  'options.loadFailed': 'Les réglages n’ont pas pu être lus : {reason}',
  'options.details': 'Détails',
  'options.details.refused':
    'Messages refusés depuis le démarrage du navigateur : {untrusted} d’autres expéditeurs, {malformed} mal formés.',

  'endpoint.title': 'Plateforme',
  'endpoint.intro': 'D’où viennent les cours et où partent les ordres.',
  'endpoint.legend': 'Point d’accès de la plateforme',
  'endpoint.kraken': 'Kraken',
  'endpoint.custom': 'Simulateur local (URL)',
  'endpoint.rest': 'URL REST',
  'endpoint.ws': 'URL WebSocket',
  'endpoint.wsOptional': '(facultative ; par défaut le même hôte, en /v2)',
  'endpoint.simHint': 'Lancez-en un avec {command} ; il affiche ses URL sur sa première ligne.',
  'endpoint.save': 'Enregistrer',
  'endpoint.saved': 'Enregistré. Les cours viennent désormais du nouveau point d’accès.',
  'endpoint.field.rest': 'L’URL REST',
  'endpoint.field.ws': 'L’URL WebSocket',
  'endpoint.field.wsPrivate': 'L’URL WebSocket privée',
  'endpoint.error.notUrl': '« {text} » n’est pas une URL : écrivez-la comme http://127.0.0.1:8787.',
  'endpoint.error.scheme': '{field} doit commencer par {schemes}.',
  'endpoint.error.credentials': '{field} ne doit contenir ni nom d’utilisateur ni mot de passe.',
  'endpoint.error.ipv6':
    '{field} : les adresses IPv6 comme [::1] ne peuvent pas être autorisées par la politique de connexion de l’extension. Utilisez 127.0.0.1 ou localhost (n’importe quel port).',
  'endpoint.error.notLocal':
    '{field} : un point d’accès personnalisé doit être sur cet ordinateur (127.0.0.1 ou localhost, n’importe quel port), pour le simulateur local. « {host} » ne l’est pas ; choisissez « Kraken » pour la vraie plateforme.',
  'endpoint.error.or': '{first} ou {second}',

  'vault.title': 'Coffre',
  'vault.intro':
    'Vos clés d’API sont gardées chiffrées sur cet appareil, sous une phrase secrète que vous choisissez. Elle n’est jamais enregistrée ni envoyée nulle part.',
  'vault.status.unlocked': 'Déverrouillé',
  'vault.status.locked': 'Verrouillé',
  'vault.status.empty': 'Aucune clé',
  'vault.empty': 'Pas encore de coffre : choisissez sa phrase secrète avec votre première clé, ci-dessous.',
  'vault.locked': 'Vos clés sont verrouillées. Déverrouillez-les pour trader et voir vos soldes.',
  'vault.passphrase': 'Phrase secrète du coffre',
  'vault.passphraseRepeat': 'Répétez la phrase secrète',
  'vault.passphraseHint':
    'Au moins {min} caractères. Elle chiffre votre clé sur cet appareil ; elle n’est jamais enregistrée ni envoyée nulle part.',
  'vault.passphraseShort':
    'La phrase secrète est trop courte : utilisez au moins {min} caractères. Rien n’a été envoyé.',
  'vault.passphraseDiffer':
    'Les deux phrases secrètes diffèrent. Tapez deux fois la même. Rien n’a été envoyé.',
  'vault.unlock': 'Déverrouiller',
  'vault.lockNow': 'Verrouiller maintenant',
  'vault.autoLock': 'Verrouillage automatique après',
  'vault.autoLock.never': 'jamais (déconseillé)',
  'vault.autoLock.minutes': {
    one: '{count} minute d’inactivité',
    many: '{count} de minutes d’inactivité',
    other: '{count} minutes d’inactivité',
  },
  'vault.checking': 'La plateforme est interrogée sur ce que chaque clé peut faire…',
  'vault.reset.open': 'Réinitialiser le coffre…',
  'vault.reset.text':
    'La réinitialisation retire de ce navigateur toutes les clés enregistrées et la phrase secrète du coffre ; vous ajoutez ensuite vos clés de nouveau. Les alertes, le compte fictif et le registre des ordres envoyés restent. Tapez {word} pour confirmer.',
  'vault.reset.label': 'Tapez {word} pour confirmer',
  'vault.reset.confirm': 'Réinitialiser le coffre',
  'vault.cancel': 'Annuler',

  'keys.title': 'Clés d’API',
  'keys.none': 'Pas encore de clé. Le trading fictif fonctionne sans.',
  'keys.addFirst': 'Ajoutez votre clé d’API Kraken',
  'keys.addAnother': 'Ajouter une autre clé',
  'keys.howTo':
    'Créez sur Kraken (Settings → API) une clé réservée à cette extension, avec uniquement {rights} — jamais de droit de retrait. Laissez sa fenêtre de nonce à 0 : une fenêtre permet à Kraken d’accepter une copie retardée d’une requête, et pour un ordre, cela peut faire un second ordre. Une clé qu’aucune autre application n’utilise n’en a jamais besoin.',
  'keys.rights':
    'Query Funds, Query Open/Closed Orders & Trades, Create & Modify Orders, Cancel/Close Orders et WebSocket API',
  'keys.bound':
    'La clé ne signera que pour {endpoint}, la plateforme choisie plus haut : elle n’est jamais envoyée ailleurs.',
  'keys.passphraseStep': 'D’abord, la phrase secrète du coffre',
  'keys.keyStep': 'Puis votre clé',
  'keys.label': 'Nom',
  'keys.labelHint': 'par exemple « Compte principal »',
  'keys.apiKey': 'Clé d’API',
  'keys.secret': 'Clé privée',
  'keys.otp': 'Mot de passe de la clé (OTP), facultatif',
  'keys.otpHint': 'Seulement si vous avez activé la 2FA sur cette clé.',
  'keys.save': 'Enregistrer la clé',
  'keys.saving': 'Enregistrement…',
  'keys.scale': 'Échelle des nonces',
  'keys.scaleHint':
    'Les millisecondes conviennent à une clé créée pour cette extension. Une clé déjà utilisée par une autre application peut demander l’échelle de celle-ci (beaucoup comptent en microsecondes) : Kraken refuse tout nonce inférieur au dernier qu’il a accepté pour la clé, et l’échelle d’une clé ne peut que monter.',
  'keys.scale.ms': 'millisecondes',
  'keys.scale.us': 'microsecondes',
  'keys.scale.ns': 'nanosecondes',
  'keys.active': 'Utiliser {label} pour le trading réel',
  'keys.signsFor': 'Signe uniquement pour {endpoint} · nonces en {scale}',
  'keys.signsForOther':
    'Signe uniquement pour {endpoint} — pas la plateforme choisie maintenant, elle ne sert donc pas au trading réel ici · nonces en {scale}',
  'keys.rename': 'Renommer',
  'keys.replace': 'Remplacer',
  'keys.remove': 'Retirer',
  'keys.removeForGood': 'Retirer définitivement',
  'keys.keep': 'Garder',
  'keys.newLabel': 'Nouveau nom',
  'keys.saveLabel': 'Enregistrer',
  'keys.newApiKey': 'Nouvelle clé d’API',
  'keys.newSecret': 'Nouvelle clé privée',
  'keys.replaceKey': 'Remplacer la clé',
  'keys.withdraw.warning':
    'Cette clé peut RETIRER des fonds. Quiconque l’obtient peut sortir votre argent de Kraken. Remplacez-la par une clé sans « Withdraw Funds ».',
  'keys.withdraw.confirmTitle': 'Attention :',
  'keys.withdraw.nothingStored':
    'Rien n’a été enregistré. Ne gardez cette clé que si vous acceptez ce risque.',
  'keys.withdraw.keep': 'Garder quand même cette clé',
  'keys.withdraw.drop': 'Ne pas la garder',
  'keys.check.verified': 'Vérifiée : peut {rights}.',
  'keys.check.query': 'consulter les fonds',
  'keys.check.trade': 'trader',
  'keys.check.both': 'consulter les fonds et trader',
  'keys.check.nothing': 'ne rien faire d’utile',
  'keys.check.rejected': 'Refusée par la plateforme : {reason}',
  'keys.check.unverified': 'Enregistrée mais pas vérifiée : {reason}',
  'keys.check.unchecked': 'Pas encore vérifiée.',
  'keys.permissions': 'Permissions : {list}',
  'keys.permissions.none': 'aucune',
  'keys.permissions.probe': 'Permissions : trouvées en essayant des appels (Kraken ne les a pas listées)',
  'keys.expiry.never': 'La clé n’expire jamais',
  'keys.expiry.past': 'La clé a expiré le {date}',
  'keys.expiry.future': 'La clé expire le {date}',
  'keys.ip.only': 'Uniquement depuis l’IP {list}',
  'keys.ip.any': 'Utilisable depuis toute adresse IP',
  'keys.damaged.title': 'Clés inutilisables',
  'keys.damaged.intro':
    'Leurs enregistrements sont endommagés (modifiés ou corrompus sur cet appareil). Les autres clés fonctionnent.',
  'keys.damaged.reason': 'Inutilisable : {reason}. Retirez-la, puis ajoutez la clé de nouveau.',

  'alertsSettings.title': 'Alertes',
  'alertsSettings.intro':
    'Créez les alertes depuis la fenêtre (🔔 sur une paire). Ici, vous pouvez tester leur affichage et déplacer vos alertes d’un navigateur à l’autre.',
  'alertsSettings.test': 'Envoyer une notification de test',
  'alertsSettings.export': 'Exporter les alertes',
  'alertsSettings.import': 'Importer des alertes…',
  'alertsSettings.sent': 'Notification de test envoyée.',
  'alertsSettings.notAllowed': 'Les notifications ne sont pas autorisées ({permission}).',
  'alertsSettings.blockedHint':
    'Si rien ne s’est affiché, les notifications sont bloquées pour le navigateur : macOS — Réglages Système → Notifications → votre navigateur ; Windows — Paramètres → Système → Notifications ; Linux — les réglages de notification de votre bureau. Vérifiez aussi que le mode Ne pas déranger est désactivé.',
  'alertsSettings.imported': {
    one: '{count} alerte importée.',
    many: '{count} d’alertes importées.',
    other: '{count} alertes importées.',
  },
  'alertsSettings.refused': {
    one: '{count} refusée :',
    many: '{count} de refusées :',
    other: '{count} refusées :',
  },

  'sound.title': 'Son',
  'sound.label': 'Jouer un son à chaque alerte',
  'sound.help': 'Chrome uniquement. La notification elle-même suit les réglages de son de votre système.',

  'theme.title': 'Thème',
  'theme.label': 'Couleurs',
  'theme.system': 'Celles du système ({theme})',
  'theme.light': 'Clair',
  'theme.dark': 'Sombre',
  'theme.help': 'La page d’options et le panneau latéral suivent ce choix.',

  'language.pages': 'Les pages, les notifications et la barre d’adresse suivent ce choix.',
};
