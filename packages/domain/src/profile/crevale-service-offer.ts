import type { Profile } from './profile.js'
import { generic } from './generic.js'
import { LANAUDIERE_TERMS } from './vocabularies.js'

/** The CREVALE's offer of service to local committees (seed 003): volets, each with a tagline and services. */
export const crevaleServiceOffer: Profile = {
  id: 'crevale-service-offer',
  version: 1,
  title: { fr: 'Offre de service aux comités locaux', en: 'Offer of service to local committees' },
  documentType: 'service-offer',
  levels: {
    axis: { label: { fr: 'Volet', en: 'Service area' }, short: { fr: 'Volet', en: 'Service area' }, presence: 'required', numbering: 'none', grammar: { gender: 'masculine' } },
    objective: { label: { fr: 'Service', en: 'Service' }, short: { fr: 'service', en: 'service' }, presence: 'required', numbering: 'none', grammar: { gender: 'masculine' } },
    action: { label: { fr: 'Action', en: 'Action' }, short: { fr: 'action', en: 'action' }, presence: 'absent', numbering: 'none', grammar: { gender: 'feminine' } },
  },
  columns: {
    responsible: { label: { fr: 'Responsable', en: 'Responsible' }, presence: 'absent' },
    partners: { label: { fr: 'Partenaires', en: 'Partners' }, presence: 'absent' },
    results: { label: { fr: 'Résultats', en: 'Results' }, presence: 'absent' },
    indicators: { label: { fr: 'Indicateurs', en: 'Indicators' }, presence: 'absent' },
    schedule: { label: { fr: 'Échéancier', en: 'Schedule' }, presence: 'absent' },
    budget: { label: { fr: 'Budget', en: 'Budget' }, presence: 'absent' },
  },
  sections: {
    ...generic.sections,
    regionalPriority: { presence: 'absent', label: { fr: 'Priorité', en: 'Priority' } },
    participants: { presence: 'absent', label: { fr: 'Participants', en: 'Participants' } },
    preparation: { presence: 'absent', label: { fr: 'Étapes de préparation', en: 'Preparation steps' } },
    followUp: { presence: 'absent', label: { fr: 'Mécanismes de suivi', en: 'Follow-up mechanisms' } },
    complementarity: { presence: 'absent', label: { fr: 'Complémentarité', en: 'Complementarity' } },
    priorityResponses: { presence: 'absent', label: { fr: 'Priorités transversales', en: 'Transversal priorities' } },
    narrative: { presence: 'required', label: { fr: 'Présentation', en: 'Introduction' } },
  },
  transversalPriorities: [],
  standardEffects: [],
  partnerGroups: [],
  preparationStepKinds: [],
  yearScheme: generic.yearScheme,
  budgetLines: [],
  terms: LANAUDIERE_TERMS,
}
