import type { CriterionDefinition } from '../engine/ruleset.js'

/** The reviewers' grid shared by the Lanaudière editions: the form's questions, then coherence groups. */
export const LANAUDIERE_CRITERIA: Record<string, CriterionDefinition> = {
  document: { label: { fr: 'Document valide', en: 'Valid document' }, weight: 1 },
  participants: {
    label: { fr: 'Organismes participants', en: 'Participating organisations' },
    question: { fr: 'Veuillez nommer les organismes ayant participé aux travaux du chantier.', en: 'Name the organisations that took part in the chantier’s work.' },
    weight: 1,
  },
  preparation: {
    label: { fr: 'Étapes réalisées', en: 'Preparation steps' },
    question: { fr: 'Veuillez présenter les étapes réalisées menant au dépôt (ou à la révision) du plan de travail.', en: 'Present the steps that led to the deposit (or revision) of the work plan.' },
    weight: 1,
  },
  'follow-up': {
    label: { fr: 'Mécanismes de suivi', en: 'Follow-up mechanisms' },
    question: { fr: 'Veuillez expliquer les mécanismes de suivi du plan.', en: 'Explain the follow-up mechanisms of the plan.' },
    weight: 1,
  },
  complementarity: {
    label: { fr: 'Complémentarité', en: 'Complementarity' },
    question: { fr: 'De quelle manière les travaux seront-ils complémentaires avec les actions déjà en place dans le milieu?', en: 'How will the work complement the actions already in place?' },
    weight: 1,
  },
  'transversal-priorities': {
    label: { fr: 'Priorités transversales', en: 'Transversal priorities' },
    question: { fr: 'Est-ce que les priorités transversales sont traitées dans les travaux du chantier?', en: 'Are the transversal priorities addressed in the chantier’s work?' },
    weight: 1,
  },
  'plan-table': { label: { fr: 'Axes, objectifs et moyens', en: 'Axes, objectives and means' }, weight: 2 },
  responsibility: { label: { fr: 'Responsables et partenaires', en: 'Responsible organisations and partners' }, weight: 2 },
  results: { label: { fr: 'Résultats et effets recherchés', en: 'Results and standard effects' }, weight: 2 },
  schedule: { label: { fr: 'Échéancier', en: 'Schedule' }, weight: 2 },
  budget: { label: { fr: 'Budget et montage financier', en: 'Budget and financial plan' }, weight: 2 },
  'cross-references': { label: { fr: 'Renvois', en: 'Cross-references' }, weight: 1 },
  'text-quality': { label: { fr: 'Qualité du texte', en: 'Text quality' }, weight: 0.5 },
}

/**
 * The generic rule set's grid: the same concerns, each about parts of the profile and named in its words
 * (a region's report reads "Porteur et alliés", not Lanaudière's "Responsables et partenaires"), and left out
 * where the profile has none of those parts.
 */
export const GENERIC_CRITERIA: Record<string, CriterionDefinition> = {
  document: { label: { fr: 'Document valide', en: 'Valid document' }, weight: 1 },
  participants: { about: { sections: ['participants'] }, weight: 1 },
  preparation: { about: { sections: ['preparation'] }, weight: 1 },
  'follow-up': { about: { sections: ['followUp'] }, weight: 1 },
  complementarity: { about: { sections: ['complementarity'] }, weight: 1 },
  'transversal-priorities': { about: { sections: ['priorityResponses'] }, weight: 1 },
  'plan-table': { about: { levels: true }, weight: 2 },
  responsibility: { about: { columns: ['responsible', 'partners'] }, weight: 2 },
  results: { about: { columns: ['results', 'indicators'] }, weight: 2 },
  schedule: { about: { columns: ['schedule'] }, weight: 2 },
  budget: { about: { columns: ['budget'] }, weight: 2 },
  'cross-references': { label: { fr: 'Renvois', en: 'Cross-references' }, weight: 1 },
  'text-quality': { label: { fr: 'Qualité du texte', en: 'Text quality' }, weight: 0.5 },
}
