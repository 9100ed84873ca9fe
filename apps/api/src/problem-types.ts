import type { ProblemCode } from './plugins/problem.js'

type Words = { fr: string; en: string }

/**
 * What each problem type means, served at `/problems/{code}` — the `type` of every problem the service
 * sends. One entry per code of the status table: a code without its meaning does not compile.
 */
export const PROBLEM_TYPES: Record<ProblemCode | 'client-error', Words> = {
  'invalid-request': { fr: 'La requête ne respecte pas le schéma de l’opération ; `errors` situe chaque écart.', en: 'The request does not match the operation’s schema; `errors` locates each mismatch.' },
  'bad-request': { fr: 'La requête ne se lit pas (JSON mal formé, HTTP invalide).', en: 'The request cannot be read (malformed JSON, invalid HTTP).' },
  'invalid-cursor': { fr: 'Le curseur de pagination n’est pas celui qu’une page précédente a donné.', en: 'The pagination cursor is not one a previous page gave.' },
  'invalid-characters': { fr: 'Un texte contient un caractère qu’aucune base de données ne garde (NUL, demi-paire UTF-16).', en: 'A text holds a character no database keeps (NUL, lone UTF-16 surrogate).' },
  'bad-url': { fr: 'L’adresse contient une séquence %XX qui ne se décode pas.', en: 'The URL holds a %XX sequence that does not decode.' },
  unauthorized: { fr: 'La clé d’API est absente, inconnue ou révoquée.', en: 'The API key is missing, unknown or revoked.' },
  forbidden: { fr: 'La clé d’API ne permet pas cette opération sur cette ressource.', en: 'The API key does not allow this operation on this resource.' },
  'not-found': { fr: 'La ressource n’existe pas, ou la clé d’API ne permet pas de la voir.', en: 'The resource does not exist, or the API key does not allow seeing it.' },
  'method-not-allowed': { fr: 'La ressource existe, pas cette méthode ; l’en-tête `Allow` dit lesquelles.', en: 'The resource exists, not this method; the `Allow` header says which.' },
  'not-acceptable': { fr: 'Le format demandé n’est pas offert pour cette ressource.', en: 'The requested format is not offered for this resource.' },
  'chantier-exists': { fr: 'Un chantier porte déjà cet identifiant.', en: 'A chantier already has this identifier.' },
  'organisation-exists': { fr: 'L’organisme est déjà connu sous ce nom ; `existing` le donne.', en: 'The organisation is already known under this name; `existing` gives it.' },
  'not-editable': { fr: 'Le plan ne se modifie plus dans son état actuel (`planStatus`).', en: 'The plan can no longer be changed in its current state (`planStatus`).' },
  'invalid-transition': { fr: 'Cette étape du processus n’est pas possible depuis l’état actuel du plan (`planStatus`).', en: 'This workflow step is not possible from the plan’s current state (`planStatus`).' },
  'not-under-review': { fr: 'L’évaluation du plan ne s’écrit que pendant son analyse (`planStatus` donne son état).', en: 'A plan’s assessment is written only while the plan is under review (`planStatus` gives its state).' },
  'no-assessment': { fr: 'Le plan n’a pas encore d’évaluation de l’analyste.', en: 'The plan has no reviewer’s assessment yet.' },
  'invalid-assessment': { fr: 'L’évaluation ne s’applique pas à cette version du plan; `errors` situe chaque problème.', en: 'The assessment does not fit this version of the plan; `errors` locates each problem.' },
  'precondition-failed': { fr: 'Le plan a changé depuis la lecture (ETag périmé) : rien n’a été écrit.', en: 'The plan changed since it was read (stale ETag): nothing was written.' },
  'request-timeout': { fr: 'La requête n’est pas arrivée à temps.', en: 'The request did not arrive in time.' },
  'payload-too-large': { fr: 'Le corps de la requête dépasse la taille permise.', en: 'The request body exceeds the allowed size.' },
  'too-deep': { fr: 'Le JSON est imbriqué plus profondément que permis.', en: 'The JSON is nested deeper than allowed.' },
  'too-many-nodes': { fr: 'Le JSON compte plus de valeurs que permis.', en: 'The JSON holds more values than allowed.' },
  'string-too-long': { fr: 'Un texte dépasse la longueur permise.', en: 'A text exceeds the allowed length.' },
  'patch-too-large': { fr: 'Le correctif JSON ferait un plan plus grand que permis.', en: 'The JSON Patch would make a plan larger than allowed.' },
  'uri-too-long': { fr: 'Un paramètre de l’adresse est trop long.', en: 'A parameter of the URL is too long.' },
  'unsupported-media-type': { fr: 'Le type de contenu n’est pas accepté par l’opération.', en: 'The content type is not accepted by the operation.' },
  'invalid-plan': { fr: 'Le document n’est pas un plan valide de son profil ; `errors` situe chaque problème.', en: 'The document is not a valid plan of its profile; `errors` locates each problem.' },
  'invalid-patch': { fr: 'Une opération du correctif JSON ne s’applique pas au plan ; `errors` dit laquelle.', en: 'An operation of the JSON Patch does not apply to the plan; `errors` says which.' },
  'id-mismatch': { fr: 'L’identifiant du document diffère de celui de l’adresse.', en: 'The document’s identifier differs from the URL’s.' },
  'unknown-chantier': { fr: 'Le chantier nommé n’existe pas.', en: 'The named chantier does not exist.' },
  'unknown-programme': { fr: 'Le programme nommé n’existe pas.', en: 'The named programme does not exist.' },
  'invalid-rule-set': { fr: 'Le jeu de règles est inconnu ou invalide.', en: 'The rule set is unknown or invalid.' },
  'invalid-document': { fr: 'Le document ne peut pas être traité ; `errors` situe chaque problème.', en: 'The document cannot be processed; `errors` locates each problem.' },
  'submission-has-errors': { fr: 'Le plan a des erreurs au stade du dépôt ; `report` les donne.', en: 'The plan has errors at the submission stage; `report` gives them.' },
  'reason-required': { fr: 'Cette étape demande une raison, transmise au chantier.', en: 'This step needs a reason, passed on to the chantier.' },
  'precondition-required': { fr: 'Une modification demande l’en-tête `If-Match` avec l’ETag lu.', en: 'A change needs the `If-Match` header with the ETag read.' },
  'too-many-requests': { fr: 'Trop de requêtes : réessayez après le délai de `Retry-After`.', en: 'Too many requests: try again after the `Retry-After` delay.' },
  'too-many-failed-authentications': { fr: 'Trop de clés d’API refusées depuis cette adresse : réessayez après le délai de `Retry-After`.', en: 'Too many refused API keys from this address: try again after the `Retry-After` delay.' },
  'headers-too-large': { fr: 'Les en-têtes de la requête sont trop volumineux.', en: 'The request headers are too large.' },
  'internal-error': { fr: 'Erreur interne du service ; le `requestId` la retrouve dans son journal.', en: 'Internal service error; the `requestId` finds it in the service’s log.' },
  'not-ready': { fr: 'La base de données ne répond pas.', en: 'The database does not answer.' },
  busy: { fr: 'Le service traite déjà autant d’évaluations et de documents qu’il le peut : réessayez après le délai de `Retry-After`.', en: 'The service is already processing as many evaluations and documents as it can: try again after the `Retry-After` delay.' },
  'client-error': { fr: 'Une autre erreur de la requête, au niveau HTTP.', en: 'Another error of the request, at the HTTP level.' },
}
