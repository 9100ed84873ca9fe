import type { Profile } from './profile.js'

/** A neutral plan shape for a region that has not described its own form yet: every column optional. */
export const generic: Profile = {
  id: 'generic',
  version: 1,
  title: { fr: "Plan d'action générique", en: 'Generic action plan' },
  documentType: 'work-plan',
  levels: {
    axis: { label: { fr: 'Axe', en: 'Axis' }, short: { fr: 'Axe', en: 'Axis' }, presence: 'required', numbering: 'plan-wide', grammar: { gender: 'masculine' } },
    objective: { label: { fr: 'Objectif', en: 'Objective' }, short: { fr: 'objectif', en: 'objective' }, presence: 'required', numbering: 'per-parent', grammar: { gender: 'masculine' } },
    action: { label: { fr: 'Action', en: 'Action' }, short: { fr: 'action', en: 'action' }, presence: 'required', numbering: 'none', grammar: { gender: 'feminine' } },
  },
  columns: {
    responsible: { label: { fr: 'Responsable(s)', en: 'Responsible' }, presence: 'optional' },
    partners: { label: { fr: 'Partenaire(s)', en: 'Partners' }, presence: 'optional' },
    results: { label: { fr: 'Résultats attendus', en: 'Expected results' }, presence: 'optional' },
    indicators: { label: { fr: 'Indicateurs', en: 'Indicators' }, presence: 'optional' },
    schedule: { label: { fr: 'Échéancier', en: 'Schedule' }, presence: 'optional' },
    budget: { label: { fr: 'Budget', en: 'Budget' }, presence: 'optional' },
  },
  sections: {
    regionalPriority: { presence: 'optional', label: { fr: 'Priorité', en: 'Priority' } },
    participants: { presence: 'optional', label: { fr: 'Participants', en: 'Participants' } },
    preparation: { presence: 'optional', label: { fr: 'Étapes de préparation', en: 'Preparation steps' } },
    followUp: { presence: 'optional', label: { fr: 'Mécanismes de suivi', en: 'Follow-up mechanisms' } },
    complementarity: { presence: 'optional', label: { fr: 'Complémentarité', en: 'Complementarity' } },
    priorityResponses: { presence: 'optional', label: { fr: 'Priorités transversales', en: 'Transversal priorities' } },
    narrative: { presence: 'optional', label: { fr: 'Texte libre', en: 'Free text' } },
  },
  transversalPriorities: [],
  standardEffects: [],
  partnerGroups: [],
  preparationStepKinds: [
    { id: 'meeting', label: { fr: 'Rencontre', en: 'Meeting' } },
    { id: 'other', label: { fr: 'Autre', en: 'Other' } },
  ],
  yearScheme: { originYear: 2020, startMonth: 4, label: { fr: 'An {n}', en: 'Year {n}' } },
  budgetLines: [],
}
