import Type, { type Static } from 'typebox'
import { Id, LocalizedText } from '../common.js'

export const Presence = Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('absent')])
export type Presence = Static<typeof Presence>

/** How numbers run at one level: restarting under each parent, continuing across the plan, or not at all. */
export const Numbering = Type.Union([Type.Literal('per-parent'), Type.Literal('plan-wide'), Type.Literal('none')])
export type Numbering = Static<typeof Numbering>

/**
 * What French needs to put a level's name in a sentence ("Cette stratégie n’a aucun geste", "de l’orientation 2"):
 * its gender, its plural, and whether it elides ("l’", "d’") when the word starts with a vowel sound the
 * spelling does not show (a "h" muet). English needs only the plural.
 */
export const LevelGrammar = Type.Object(
  {
    gender: Type.Union([Type.Literal('masculine'), Type.Literal('feminine')], { description: 'French grammatical gender of the level’s name.' }),
    plural: Type.Optional(LocalizedText),
    elision: Type.Optional(Type.Boolean({ description: 'True when the French name takes l’/d’ (read from its first letter when left out).' })),
  },
  { additionalProperties: false },
)
export type LevelGrammar = Static<typeof LevelGrammar>

export const Level = Type.Object(
  {
    label: LocalizedText,
    /** Short form used in place labels ("Axe 2, objectif 1, action A"). */
    short: LocalizedText,
    /** The plan table's column heading for this level when it differs from the label ("Objectifs"). */
    columnHeading: Type.Optional(LocalizedText),
    presence: Presence,
    numbering: Numbering,
    grammar: Type.Optional(LevelGrammar),
  },
  { additionalProperties: false },
)
export type Level = Static<typeof Level>

export const ColumnKey = Type.Union([
  Type.Literal('responsible'),
  Type.Literal('partners'),
  Type.Literal('results'),
  Type.Literal('indicators'),
  Type.Literal('schedule'),
  Type.Literal('budget'),
])
export type ColumnKey = Static<typeof ColumnKey>
export const COLUMN_KEYS: readonly ColumnKey[] = ['responsible', 'partners', 'results', 'indicators', 'schedule', 'budget']

/** A column of the plan table; `parts` are its sub-headings ("Date", "Étapes" under "Échéancier"). */
export const Column = Type.Object(
  { label: LocalizedText, presence: Presence, parts: Type.Optional(Type.Array(LocalizedText)) },
  { additionalProperties: false },
)
export type Column = Static<typeof Column>

export const SectionKey = Type.Union([
  Type.Literal('regionalPriority'),
  Type.Literal('participants'),
  Type.Literal('preparation'),
  Type.Literal('followUp'),
  Type.Literal('complementarity'),
  Type.Literal('priorityResponses'),
  Type.Literal('narrative'),
])
export type SectionKey = Static<typeof SectionKey>
export const SECTION_KEYS: readonly SectionKey[] = [
  'regionalPriority', 'participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses', 'narrative',
]

/** One question of the form, with its wording as printed in that edition. */
export const Section = Type.Object(
  { presence: Presence, label: LocalizedText, prompt: Type.Optional(LocalizedText) },
  { additionalProperties: false },
)
export type Section = Static<typeof Section>

export const VocabularyEntry = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    aliases: Type.Optional(Type.Array(Type.String())),
    /**
     * French words or short phrases that, found in a text (after stemming, accents folded), show it speaks of
     * this entry in other words than its label: a reader relates "une collaboration optimisée" to the effect
     * on collaboration practices without the label's wording.
     */
    keyTerms: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'French words or short phrases that show a text speaks of this entry in other words than its label (matched after stemming, accents folded).',
      }),
    ),
  },
  { additionalProperties: false },
)
export type VocabularyEntry = Static<typeof VocabularyEntry>

export const ProfileBudgetLine = Type.Object(
  { line: Type.Integer({ minimum: 1 }), label: LocalizedText },
  { additionalProperties: false },
)
export type ProfileBudgetLine = Static<typeof ProfileBudgetLine>

/**
 * "An N" is fiscal year (originYear + N)–(originYear + N + 1), starting on `startMonth`.
 * With originYear 2020, An 1 = 2021-2022 and An 6 = 2026-2027.
 */
/**
 * How the documents of a form write their years: in the chantier's count ("An 6 et 7"), in calendar years
 * ("2008-2012") or in fiscal years ("2026-2027"). Years are stored as written; their reading is counted from
 * `originYear` whatever the notation, so that the rules compare them alike.
 */
export const YearNotation = Type.Union([Type.Literal('plan-year'), Type.Literal('calendar-year'), Type.Literal('fiscal-year')])
export type YearNotation = Static<typeof YearNotation>

export const YearScheme = Type.Object(
  {
    notation: Type.Optional(YearNotation),
    originYear: Type.Integer({ minimum: 1900, maximum: 2200 }),
    startMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    label: LocalizedText,
  },
  { additionalProperties: false },
)
export type YearScheme = Static<typeof YearScheme>

/**
 * The profile's words for the facts around its plan, printed by every rendered document and blank form: who
 * writes the plan, who holds its funds, the programme it answers, the participants' contact people, a row of
 * the plan table. Each is optional: a word the profile does not state is the toolkit's neutral one (`generic`'s).
 */
export const PlanTerms = Type.Object(
  {
    group: Type.Optional({
      ...LocalizedText,
      description: 'The body that writes the plan, as the facts of a document and the XLSX form’s Document sheet name it (« Chantier », « Comité »).',
    }),
    fiduciary: Type.Optional({
      ...LocalizedText,
      description: 'The fact naming the organisation that holds the group’s funds, in rendered documents (« Organisme fiduciaire »).',
    }),
    fiduciaryField: Type.Optional({
      ...LocalizedText,
      description: 'The same fact as a field of the XLSX form’s Document sheet (« Fiduciaire du chantier »); `fiduciary` when left out.',
    }),
    fiduciaryMark: Type.Optional({
      ...LocalizedText,
      description: 'Written in parentheses after the name of the participant that holds the funds, in lower case (« fiduciaire »).',
    }),
    programme: Type.Optional({
      ...LocalizedText,
      description: 'The fact naming the programme the plan is submitted to, in rendered documents (« Démarche », « Programme »).',
    }),
    contacts: Type.Optional({
      ...LocalizedText,
      description: 'Heading of the participants table’s column of contact people (« Personnes ressources »).',
    }),
    row: Type.Optional({
      ...LocalizedText,
      description: 'A row of the plan table, numbered when an objective has several rows and no sub-headings (« Ligne » 2).',
    }),
  },
  { additionalProperties: false, description: 'The profile’s words for the facts around its plan; a word left out is the toolkit’s neutral one.' },
)
export type PlanTerms = Static<typeof PlanTerms>
export type PlanTermKey = keyof PlanTerms

/** A form edition described as data: levels, columns, questions and vocabularies. */
export const Profile = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    version: Type.Integer({ minimum: 1 }),
    title: LocalizedText,
    /** What kind of document the form asks for, in the profile's own terms ("work-plan", "action-plan", "strategic-summary"…). */
    documentType: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Kind of document, the profile’s own id: work-plan, action-plan, strategic-plan, service-offer…' }),
    levels: Type.Object({ axis: Level, objective: Level, action: Level }, { additionalProperties: false }),
    columns: Type.Object(
      {
        responsible: Column,
        partners: Column,
        results: Column,
        indicators: Column,
        schedule: Column,
        budget: Column,
      },
      { additionalProperties: false },
    ),
    sections: Type.Object(
      {
        regionalPriority: Section,
        participants: Section,
        preparation: Section,
        followUp: Section,
        complementarity: Section,
        priorityResponses: Section,
        narrative: Section,
      },
      { additionalProperties: false },
    ),
    transversalPriorities: Type.Array(VocabularyEntry),
    standardEffects: Type.Array(VocabularyEntry),
    partnerGroups: Type.Array(VocabularyEntry),
    preparationStepKinds: Type.Array(VocabularyEntry),
    yearScheme: YearScheme,
    budgetLines: Type.Array(ProfileBudgetLine),
    terms: Type.Optional(PlanTerms),
  },
  { additionalProperties: false, $id: 'Profile' },
)
export type Profile = Static<typeof Profile>
