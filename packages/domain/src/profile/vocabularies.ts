import type { PlanTerms, VocabularyEntry } from './profile.js'

/** Effets recherchés of the regional bodies' framework, quoted with small variations by the plans. */
export const LANAUDIERE_STANDARD_EFFECTS: VocabularyEntry[] = [
  {
    id: 'wider-network',
    label: { fr: 'Un réseau élargi de contributeurs à la réussite éducative', en: 'A wider network of contributors to educational success' },
    keyTerms: ['réseau', 'contributeurs', 'nouveaux partenaires', 'élargir'],
  },
  {
    id: 'concrete-actions',
    label: {
      fr: 'Plus de gestes concrets posés en faveur de la persévérance scolaire et de la réussite éducative',
      en: 'More concrete actions in favour of school perseverance and educational success',
    },
    keyTerms: ['gestes concrets', 'actions concrètes', 'passage à l’action'],
  },
  {
    id: 'shared-knowledge',
    label: {
      fr: 'Amélioration et harmonisation des connaissances, des pratiques et des projets en lien avec la persévérance scolaire et la réussite éducative',
      en: 'Improved and harmonised knowledge, practices and projects related to school perseverance and educational success',
    },
    keyTerms: ['connaissances', 'savoirs', 'harmonisation', 'pratiques harmonieuses', 'recherche'],
  },
  {
    id: 'collaboration-practices',
    label: {
      fr: "Pratiques de collaboration développées et capacités d'agir renforcées chez les divers acteurs mobilisés (efficience, efficacité et portée des actions améliorées)",
      en: 'Collaboration practices developed and capacity to act strengthened among the stakeholders (efficiency, effectiveness and reach of actions improved)',
    },
    keyTerms: ['collaboration', 'collaborer', 'concertation', 'arrimages', 'partenariat', 'pouvoir d’agir', 'capacité d’agir', 'efficience', 'efficacité', 'contributions des membres'],
  },
  {
    id: 'education-valued',
    label: {
      fr: "Reconnaissance de l'éducation et de la réussite éducative comme valeurs primordiales pour lesquelles des communautés se mobilisent",
      en: 'Education and educational success recognised as core values that communities rally around',
    },
    aliases: ["Reconnaissance de la valorisation de l'éducation et de la réussite éducative comme des valeurs primordiales"],
    keyTerms: ['valorisation', 'reconnaissance', 'valeur', 'communautés mobilisées'],
  },
]

/** Groups named as responsible or partner that are not organisations of the roster. */
export const LANAUDIERE_PARTNER_GROUPS: VocabularyEntry[] = [
  { id: 'chantier-members', label: { fr: 'Membres du Chantier', en: 'Chantier members' }, aliases: ['Chantier', 'Membres du chantier'] },
  { id: 'chantier-coordination', label: { fr: 'Coordination du Chantier', en: 'Chantier coordination' } },
  { id: 'coordination-committee', label: { fr: 'Comité de coordination', en: 'Coordination committee' }, aliases: ['COCO'] },
  { id: 'ad-hoc-committees', label: { fr: 'Comités ponctuels', en: 'Ad hoc committees' } },
  { id: 'working-committee', label: { fr: 'Comité de travail', en: 'Working committee' }, aliases: ['Comités de travail'] },
  { id: 'atypical-pathways-committee', label: { fr: 'Comité Parcours atypiques', en: 'Atypical pathways committee' } },
  { id: 'external-partners', label: { fr: 'Partenaires externes', en: 'External partners' } },
  { id: 'external-firm', label: { fr: 'Firme externe', en: 'External firm' } },
  { id: 'community-organisation', label: { fr: 'Organisation communautaire', en: 'Community organisation' } },
]

export const LANAUDIERE_STEP_KINDS: VocabularyEntry[] = [
  { id: 'chantier-meeting', label: { fr: 'Rencontre régulière du Chantier', en: 'Regular Chantier meeting' } },
  { id: 'coordination-committee-meeting', label: { fr: 'Rencontre du comité de coordination', en: 'Coordination committee meeting' } },
  { id: 'extraordinary-meeting', label: { fr: 'Rencontre extraordinaire', en: 'Extraordinary meeting' } },
  { id: 'email', label: { fr: 'Envoi de courriel(s)', en: 'Email' } },
  { id: 'fiduciary-board-resolution', label: { fr: "Rencontre du conseil d'administration du fiduciaire (résolution)", en: "Fiduciary's board meeting (resolution)" } },
  { id: 'official-deposit', label: { fr: 'Dépôt officiel', en: 'Official deposit' } },
  { id: 'meeting', label: { fr: 'Rencontre', en: 'Meeting' } },
  { id: 'survey', label: { fr: 'Sondage', en: 'Survey' } },
  { id: 'online-draft', label: { fr: 'Proposition en ligne', en: 'Online draft' } },
  { id: 'budget-proposal', label: { fr: 'Proposition de budget', en: 'Budget proposal' } },
]

/**
 * The words Lanaudière's documents print around a plan (its chantiers, their fiduciary, the Démarche lanaudoise),
 * stated by its profiles so that their documents read as they always have.
 */
export const LANAUDIERE_TERMS: PlanTerms = {
  group: { fr: 'Chantier', en: 'Chantier' },
  fiduciary: { fr: 'Organisme fiduciaire', en: 'Fiduciary organisation' },
  fiduciaryField: { fr: 'Fiduciaire du chantier', en: 'Chantier’s fiduciary' },
  fiduciaryMark: { fr: 'fiduciaire', en: 'fiduciary' },
  programme: { fr: 'Démarche', en: 'Programme' },
  contacts: { fr: 'Personnes ressources', en: 'Contact people' },
  row: { fr: 'Ligne', en: 'Row' },
}
