import type { Profile } from './profile.js'
import { LANAUDIERE_PARTNER_GROUPS, LANAUDIERE_STANDARD_EFFECTS, LANAUDIERE_STEP_KINDS, LANAUDIERE_TERMS } from './vocabularies.js'

/** The 2026-2028 plan de travail form of the Démarche lanaudoise (seed 000). */
export const lanaudiere2026: Profile = {
  id: 'lanaudiere-2026',
  version: 1,
  title: { fr: 'Plan de travail des chantiers régionaux — formulaire 2026-2028', en: 'Regional chantier work plan — 2026-2028 form' },
  documentType: 'work-plan',
  levels: {
    axis: { label: { fr: "Axe d'intervention", en: 'Intervention axis' }, short: { fr: 'Axe', en: 'Axis' }, presence: 'required', numbering: 'plan-wide', grammar: { gender: 'masculine' } },
    objective: { label: { fr: 'Objectif', en: 'Objective' }, short: { fr: 'objectif', en: 'objective' }, columnHeading: { fr: 'Objectifs', en: 'Objectives' }, presence: 'required', numbering: 'per-parent', grammar: { gender: 'masculine' } },
    action: { label: { fr: 'Moyens / Actions / Projets', en: 'Means / Actions / Projects' }, short: { fr: 'action', en: 'action' }, presence: 'required', numbering: 'none', grammar: { gender: 'feminine' } },
  },
  columns: {
    responsible: { label: { fr: 'Organisme(s) responsable(s) et fiduciaire(s)', en: 'Responsible and fiduciary organisation(s)' }, presence: 'required' },
    partners: { label: { fr: 'Organisme(s) partenaire(s)', en: 'Partner organisation(s)' }, presence: 'required' },
    results: { label: { fr: 'Résultats (changements souhaités)', en: 'Results (desired changes)' }, presence: 'required' },
    indicators: { label: { fr: 'Indices de progression / indicateurs (optionnel)', en: 'Progress indicators (optional)' }, presence: 'optional' },
    schedule: {
      label: { fr: 'Échéancier', en: 'Schedule' },
      presence: 'required',
      parts: [{ fr: 'Date', en: 'Date' }, { fr: 'Étapes', en: 'Steps' }],
    },
    budget: { label: { fr: 'Budget', en: 'Budget' }, presence: 'required' },
  },
  sections: {
    regionalPriority: { presence: 'absent', label: { fr: 'Priorité', en: 'Priority' } },
    participants: {
      presence: 'required',
      label: { fr: 'Organismes ayant participé aux travaux', en: 'Participating organisations' },
      prompt: { fr: 'Veillez nommer les organismes ayant participé aux travaux du chantiers.', en: 'Name the organisations that took part in the chantier’s work.' },
    },
    preparation: {
      presence: 'required',
      label: { fr: 'Étapes réalisées', en: 'Preparation steps' },
      prompt: { fr: 'Veillez présenter les étapes réalisées menant à la révision du plan de travail.', en: 'Present the steps that led to the revision of the work plan.' },
    },
    followUp: {
      presence: 'required',
      label: { fr: 'Mécanismes de suivi', en: 'Follow-up mechanisms' },
      prompt: { fr: "Veillez expliquer les mécanismes de suivi du plan d'action tels qu'identifiés par le territoire.", en: 'Explain the follow-up mechanisms of the action plan as identified by the territory.' },
    },
    complementarity: {
      presence: 'required',
      label: { fr: 'Complémentarité', en: 'Complementarity' },
      prompt: {
        fr: 'COMPLÉMENTARITÉ : Veuillez indiquer de quelle manière les travaux seront complémentaires avec les actions déjà en place dans le milieu (local et au régional)',
        en: 'COMPLEMENTARITY: explain how the work will complement the actions already in place (local and regional).',
      },
    },
    priorityResponses: {
      presence: 'required',
      label: { fr: 'Priorités transversales', en: 'Transversal priorities' },
      prompt: { fr: 'PRIORITÉS TRANSVERSALES : Est-ce que les priorités transversales sont traitées dans les travaux du chantiers.', en: 'TRANSVERSAL PRIORITIES: are the transversal priorities addressed in the chantier’s work?' },
    },
    narrative: { presence: 'absent', label: { fr: 'Texte libre', en: 'Free text' } },
  },
  transversalPriorities: [
    { id: 'early-childhood', label: { fr: 'Développement des jeunes enfants', en: 'Early childhood development' } },
    { id: 'information-communication', label: { fr: 'Information et communication', en: 'Information and communication' } },
    { id: 'local-services', label: { fr: 'Services de proximité', en: 'Local services' } },
  ],
  standardEffects: LANAUDIERE_STANDARD_EFFECTS,
  partnerGroups: LANAUDIERE_PARTNER_GROUPS,
  preparationStepKinds: LANAUDIERE_STEP_KINDS,
  yearScheme: { originYear: 2020, startMonth: 4, label: { fr: 'An {n}', en: 'Year {n}' } },
  budgetLines: [
    { line: 12, label: { fr: "Déploiement d'actions", en: 'Deployment of actions' } },
    { line: 13, label: { fr: 'Honoraires professionnels', en: 'Professional fees' } },
  ],
  terms: LANAUDIERE_TERMS,
}
