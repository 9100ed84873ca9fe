import type { Locale } from '@demarche/domain'

/** A message the command prints, in both languages. French follows French typography (a space before « : »). */
export interface Message {
  fr: string
  en: string
}

/** Every message the CLI writes itself (the reports' words come from the rules and render packages). */
export const messages = {
  unknownCommand: (command: string): Message => ({ fr: `Commande inconnue : « ${command} ».`, en: `Unknown command: "${command}".` }),
  noFile: (command: string): Message => ({ fr: `${command} : aucun fichier donné.`, en: `${command}: no file given.` }),
  noFileMatches: (): Message => ({ fr: 'aucun fichier ne correspond.', en: 'no file matches.' }),
  onePlanOnly: (): Message => ({ fr: 'render : un seul plan à la fois.', en: 'render: exactly one plan at a time.' }),
  badLocale: (): Message => ({ fr: '--locale : fr | en', en: '--locale: fr | en' }),
  badOption: (option: string, choices: readonly string[]): Message => ({ fr: `${option} : ${choices.join(' | ')}`, en: `${option}: ${choices.join(' | ')}` }),
  badArguments: (detail: string): Message => ({ fr: `Arguments invalides : ${detail}`, en: `Invalid arguments: ${detail}` }),
  unknownProfile: (id: string, known: readonly string[]): Message => ({
    fr: `Profil inconnu : « ${id} » (profils connus : ${known.join(', ')}).`,
    en: `Unknown profile: "${id}" (known profiles: ${known.join(', ')}).`,
  }),
  importNeedsProfile: (known: readonly string[]): Message => ({
    fr: `--profile <id> est requis : le fichier ne nomme pas son profil (profils connus : ${known.join(', ')}).`,
    en: `--profile <id> is required: the file does not name its profile (known profiles: ${known.join(', ')}).`,
  }),
  profileIsFile: (value: string): Message => ({
    fr: `--profile attend un fichier de profil (.json, .yaml) : « ${value} » n’en est pas un.`,
    en: `--profile expects a profile file (.json, .yaml): "${value}" is not one.`,
  }),
  unknownSchema: (kind: string): Message => ({
    fr: `Schéma inconnu : « ${kind} » (schémas : profile, rule-set, assessment, config).`,
    en: `Unknown schema: "${kind}" (schemas: profile, rule-set, assessment, config).`,
  }),
  assessUsage: (): Message => ({ fr: 'un plan est requis : demarche assess <plan.json> --author <nom> -o <évaluation.yaml>', en: 'a plan is required: demarche assess <plan.json> --author <name> -o <assessment.yaml>' }),
  assessNeedsAuthor: (): Message => ({ fr: '--author <nom> est requis : l’avis nomme qui a analysé le plan.', en: '--author <name> is required: the letter names who assessed the plan.' }),
  letterUsage: (): Message => ({ fr: 'un plan est requis : demarche letter --assessment <évaluation.json> <plan.json> -o <avis.docx>', en: 'a plan is required: demarche letter --assessment <assessment.json> <plan.json> -o <letter.docx>' }),
  letterNeedsAssessment: (): Message => ({
    fr: '--assessment <fichier> est requis : l’évaluation de l’analyste (schéma : demarche schema assessment).',
    en: '--assessment <file> is required: the reviewer’s assessment (schema: demarche schema assessment).',
  }),
  outputRequired: (example: string): Message => ({ fr: `-o <fichier> est requis (-o ${example}).`, en: `-o <file> is required (-o ${example}).` }),
  invalidPlan: (): Message => ({ fr: 'plan invalide', en: 'invalid plan' }),
  invalidAssessment: (count: number): Message => ({
    fr: `évaluation invalide — ${count} problème${count > 1 ? 's' : ''}`,
    en: `invalid assessment — ${count} problem${count > 1 ? 's' : ''}`,
  }),
  valid: (profile: string): Message => ({ fr: `valide (${profile})`, en: `valid (${profile})` }),
  invalid: (count: number): Message => ({
    fr: `invalide — ${count} problème${count > 1 ? 's' : ''}`,
    en: `invalid — ${count} problem${count > 1 ? 's' : ''}`,
  }),
  invalidJson: (detail: string): Message => ({ fr: `JSON invalide : ${detail}`, en: `Invalid JSON: ${detail}` }),
  /** "plan.json : …": a message about one file. */
  about: (file: string, text: Message): Message => ({ fr: `${file} : ${text.fr}`, en: `${file}: ${text.en}` }),
  /** What a long command is doing, on a terminal: "plan.json — mise en page PDF… 12 s". */
  working: (file: string, stage: Stage, seconds: number): Message => {
    const words = STAGES[stage]
    return { fr: `${file} — ${words.fr}… ${seconds} s`, en: `${file} — ${words.en}… ${seconds} s` }
  },
  cannotRead: (path: string, code: string | undefined): Message => fileFailure('read', path, code),
  cannotWrite: (path: string, code: string | undefined): Message => fileFailure('write', path, code),
} as const

/** The stages of a command on one plan, as a status line names them. */
export type Stage = 'read' | 'validate' | 'evaluate' | 'render-html' | 'render-markdown' | 'render-docx' | 'render-pdf' | 'render-xlsx' | 'write'

const STAGES: Record<Stage, Message> = {
  read: { fr: 'lecture', en: 'reading' },
  validate: { fr: 'validation', en: 'validating' },
  evaluate: { fr: 'évaluation', en: 'evaluating' },
  'render-html': { fr: 'mise en page HTML', en: 'laying out HTML' },
  'render-markdown': { fr: 'mise en page Markdown', en: 'laying out Markdown' },
  'render-docx': { fr: 'mise en page DOCX', en: 'laying out DOCX' },
  'render-pdf': { fr: 'mise en page PDF', en: 'laying out PDF' },
  'render-xlsx': { fr: 'mise en page XLSX', en: 'laying out XLSX' },
  write: { fr: 'écriture', en: 'writing' },
}

const REASONS: Record<string, Message> = {
  ENOENT: { fr: 'fichier ou dossier introuvable', en: 'no such file or folder' },
  EACCES: { fr: 'accès refusé', en: 'permission denied' },
  EPERM: { fr: 'opération non permise', en: 'operation not permitted' },
  EISDIR: { fr: 'c’est un dossier, pas un fichier', en: 'it is a folder, not a file' },
  ENOTDIR: { fr: 'une partie du chemin n’est pas un dossier', en: 'part of the path is not a folder' },
  ENOSPC: { fr: 'plus d’espace sur le disque', en: 'no space left on the device' },
  EROFS: { fr: 'système de fichiers en lecture seule', en: 'read-only file system' },
  EEXIST: { fr: 'le fichier existe déjà (il n’est jamais remplacé : choisissez un autre nom)', en: 'the file already exists (it is never replaced: choose another name)' },
}

function fileFailure(operation: 'read' | 'write', path: string, code: string | undefined): Message {
  const reason = (code && REASONS[code]) || { fr: `erreur ${code ?? 'inconnue'}`, en: `error ${code ?? 'unknown'}` }
  return operation === 'read'
    ? { fr: `${path} : lecture impossible — ${reason.fr}.`, en: `${path}: cannot read — ${reason.en}.` }
    : { fr: `${path} : écriture impossible — ${reason.fr}.`, en: `${path}: cannot write — ${reason.en}.` }
}

export function say(message: Message, locale: Locale): string {
  return message[locale]
}

/**
 * A failure that ends a command with exit code 2: a bad call (usage) or a file that cannot be read or
 * written (I/O). Findings in plans are not failures of the command: they end it with exit code 1.
 */
export class CliFailure extends Error {
  constructor(
    readonly kind: 'usage' | 'io',
    readonly text: Message,
  ) {
    super(text.en)
    this.name = 'CliFailure'
  }
}

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const
