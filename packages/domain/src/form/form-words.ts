/**
 * The words of the XLSX form (sheet names, column headings, document fields), fixed per language: the blank
 * form, the plan rendered as a workbook and the importer share them, so the three are one layout.
 */
export const SHEET_NAMES = {
  fr: { instructions: 'Instructions', document: 'Document', participants: 'Participants', preparation: 'Préparation', plan: 'Plan', priorities: 'Priorités', followUp: 'Suivi', complementarity: 'Complémentarité', narrative: 'Autres textes', financialPlan: 'Montage financier', notes: 'Notes', lists: 'Listes' },
  en: { instructions: 'Instructions', document: 'Document', participants: 'Participants', preparation: 'Preparation', plan: 'Plan', priorities: 'Priorities', followUp: 'Follow-up', complementarity: 'Complementarity', narrative: 'Other texts', financialPlan: 'Financial plan', notes: 'Notes', lists: 'Lists' },
} as const

export type FormLanguage = keyof typeof SHEET_NAMES
export type FormSheetKey = keyof (typeof SHEET_NAMES)['fr']

export const FORM_WORDS = {
  fr: {
    organisation: 'Organisme',
    contacts: 'Personne(s) contact',
    fiduciary: 'Fiduciaire',
    acronym: 'Sigle',
    note: 'Note',
    participantKind: 'Type de participant',
    participantKinds: { organisation: 'Organisme', 'elected-official': 'Personne élue', citizen: 'Citoyen ou citoyenne' },
    yes: 'Oui',
    no: 'Non',
    number: 'No',
    kind: 'Type d’étape',
    title: 'Titre',
    date: 'Date (AAAA-MM-JJ ou telle qu’écrite)',
    description: 'Description',
    text: 'Texte',
    priority: 'Priorité transversale',
    heading: 'Intitulé',
    response: 'Réponse',
    effect: 'Effet visé',
    budgetLine: 'Ligne du montage financier',
    axisDescription: 'Description',
    objectiveDetails: 'Précisions',
    actionLabel: 'Repère',
    actionContent: 'Contenu',
    field: 'Champ',
    value: 'Valeur',
    montageElement: 'Élément',
    montageLine: 'No de ligne',
    montageName: 'Libellé ou nom',
    montageDetail: 'Type ou description',
    fiscalYear: 'Exercice financier (AAAA-AAAA)',
    amount: 'Montant ($)',
    rowHeading: 'Sous-titre',
    noteMarker: 'Renvoi',
    noteAt: 'Se rapporte à (cellule, p. ex. Plan!C3)',
    notesHelp: 'Une note par ligne : son renvoi (« 1 », « * »), la cellule à laquelle elle se rapporte (p. ex. Plan!C3) et son texte. Sans cellule, la note va en fin de document.',
    rowHeadingHelp: 'Un sous-titre regroupe les lignes qui le suivent, jusqu’au prochain sous-titre : écrivez-le sur la première ligne du groupe.',
    /** What a row of the montage sheet is: a fiscal year of the montage, a budget line, a funding source, a contribution in kind. */
    montageElements: { year: 'Exercice', line: 'Ligne budgétaire', source: 'Source de financement', inKind: 'Contribution en nature' },
    chooseParticipant: 'Choisissez un organisme de la feuille Participants, ou écrivez les noms, un par ligne (Alt+Entrée).',
    chooseFromList: 'Choisissez dans la liste.',
    notInList: 'Cette valeur n’est pas dans la liste; elle sera signalée à l’importation.',
    intro: 'Remplissez une ligne par action; répétez l’axe et l’objectif sur chaque ligne. Ne renommez pas les feuilles ni les en-têtes. Échéancier : une ligne [An 6] ouvre un bloc d’années, « 1. » numérote une étape, « • » la marque sans numéro, « – » en retrait en liste les éléments.',
  },
  en: {
    organisation: 'Organisation',
    contacts: 'Contact person(s)',
    fiduciary: 'Fiduciary',
    acronym: 'Acronym',
    note: 'Note',
    participantKind: 'Participant type',
    participantKinds: { organisation: 'Organisation', 'elected-official': 'Elected official', citizen: 'Citizen' },
    yes: 'Yes',
    no: 'No',
    number: 'No.',
    kind: 'Step kind',
    title: 'Title',
    date: 'Date (YYYY-MM-DD or as written)',
    description: 'Description',
    text: 'Text',
    priority: 'Transversal priority',
    heading: 'Heading',
    response: 'Response',
    effect: 'Intended effect',
    budgetLine: 'Financial plan line',
    axisDescription: 'Description',
    objectiveDetails: 'Details',
    actionLabel: 'Label',
    actionContent: 'Content',
    field: 'Field',
    value: 'Value',
    montageElement: 'Element',
    montageLine: 'Line no.',
    montageName: 'Label or name',
    montageDetail: 'Kind or description',
    fiscalYear: 'Fiscal year (YYYY-YYYY)',
    amount: 'Amount ($)',
    rowHeading: 'Sub-heading',
    noteMarker: 'Marker',
    noteAt: 'Refers to (cell, e.g. Plan!C3)',
    notesHelp: 'One note per row: its marker (“1”, “*”), the cell it refers to (e.g. Plan!C3) and its text. With no cell, the note goes at the end of the document.',
    rowHeadingHelp: 'A sub-heading groups the rows after it, up to the next sub-heading: write it on the first row of the group.',
    montageElements: { year: 'Fiscal year', line: 'Budget line', source: 'Funding source', inKind: 'In-kind contribution' },
    chooseParticipant: 'Choose an organisation from the Participants sheet, or type the names, one per line (Alt+Enter).',
    chooseFromList: 'Choose from the list.',
    notInList: 'This value is not in the list; the import will flag it.',
    intro: 'Fill one row per action; repeat the axis and the objective on every row. Do not rename the sheets or the headers. Schedule: a line [Year 6] opens a block of years, “1.” numbers a step, “•” marks one without a number, an indented “–” lists its items.',
  },
} as const

/** The fields of the Document sheet (one per row: the field's name, then its value), in the order written. */
export const DOCUMENT_FIELDS = {
  planId: { fr: 'Identifiant du plan', en: 'Plan identifier' },
  profile: { fr: 'Profil', en: 'Profile' },
  title: { fr: 'Titre', en: 'Title' },
  language: { fr: 'Langue', en: 'Language' },
  status: { fr: 'Statut', en: 'Status' },
  programme: { fr: 'Programme', en: 'Programme' },
  reviewingBody: { fr: 'Instance qui examine', en: 'Reviewing body' },
  chantier: { fr: 'Chantier', en: 'Chantier' },
  fiduciary: { fr: 'Fiduciaire du chantier', en: 'Chantier’s fiduciary' },
  issuer: { fr: 'Émetteur', en: 'Issuer' },
  firstYear: { fr: 'Première année (An)', en: 'First year (Year)' },
  lastYear: { fr: 'Dernière année (An)', en: 'Last year (Year)' },
  depositDate: { fr: 'Date de dépôt', en: 'Deposit date' },
  revisionOf: { fr: 'Révise le plan', en: 'Revises plan' },
  regionalPriority: { fr: 'Priorité régionale', en: 'Regional priority' },
  participantsRaw: { fr: 'Participants (tels qu’écrits)', en: 'Participants (as written)' },
  preparationIntro: { fr: 'Introduction de la préparation', en: 'Preparation introduction' },
  complementarityHeading: { fr: 'Titre de la complémentarité', en: 'Complementarity heading' },
  periodRaw: { fr: 'Période (telle qu’écrite)', en: 'Period (as written)' },
} as const
export type DocumentField = keyof typeof DOCUMENT_FIELDS

/**
 * Hidden columns carry what a person does not edit but a round trip must keep: the stable ids (a blank form
 * leaves them empty and the importer derives them). Their headings are technical and the same in both languages.
 */
export const HIDDEN_HEADINGS = {
  id: 'id',
  // Named by level, not by the Lanaudière names of the levels: a profile calls its levels what it likes.
  axisId: 'level-1-id',
  axisHeading: 'level-1-heading',
  objectiveId: 'level-2-id',
  rowId: 'row-id',
  actionId: 'level-3-id',
  raw: 'raw',
  at: 'at',
} as const
