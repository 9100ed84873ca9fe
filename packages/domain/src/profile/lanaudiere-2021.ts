import type { Profile } from './profile.js'
import { lanaudiere2026 } from './lanaudiere-2026.js'
import { LANAUDIERE_PARTNER_GROUPS, LANAUDIERE_STANDARD_EFFECTS, LANAUDIERE_STEP_KINDS, LANAUDIERE_TERMS } from './vocabularies.js'

/**
 * The 2021 plan de travail form (seed 001): one regional priority heads the table, objectives are numbered
 * across the plan, each action row has its own fiduciary; there is no budget or indicator column.
 */
export const lanaudiere2021: Profile = {
  id: 'lanaudiere-2021',
  version: 1,
  title: { fr: 'Plan de travail des chantiers régionaux — formulaire 2021', en: 'Regional chantier work plan — 2021 form' },
  documentType: 'work-plan',
  levels: {
    axis: { label: { fr: 'Priorité', en: 'Priority' }, short: { fr: 'Priorité', en: 'Priority' }, presence: 'required', numbering: 'none', grammar: { gender: 'feminine' } },
    objective: { label: { fr: 'Objectif', en: 'Objective' }, short: { fr: 'objectif', en: 'objective' }, columnHeading: { fr: 'Objectifs', en: 'Objectives' }, presence: 'required', numbering: 'plan-wide', grammar: { gender: 'masculine' } },
    action: { label: { fr: 'Moyens ou actions', en: 'Means or actions' }, short: { fr: 'action', en: 'action' }, presence: 'required', numbering: 'none', grammar: { gender: 'feminine' } },
  },
  columns: {
    responsible: { label: { fr: 'Organisme(s) fiduciaire(s)', en: 'Fiduciary organisation(s)' }, presence: 'required' },
    partners: { label: { fr: 'Organisme(s) partenaire(s)', en: 'Partner organisation(s)' }, presence: 'required' },
    results: { label: { fr: 'Résultats attendus (changements souhaités)', en: 'Expected results (desired changes)' }, presence: 'required' },
    indicators: { label: { fr: 'Indicateurs', en: 'Indicators' }, presence: 'absent' },
    schedule: {
      label: { fr: 'Échéancier', en: 'Schedule' },
      presence: 'required',
      parts: [{ fr: 'Année référence', en: 'Reference year' }, { fr: 'Étapes de réalisation', en: 'Steps' }],
    },
    budget: { label: { fr: 'Budget', en: 'Budget' }, presence: 'absent' },
  },
  sections: {
    regionalPriority: { presence: 'required', label: { fr: 'Priorité', en: 'Priority' } },
    participants: {
      presence: 'required',
      label: lanaudiere2026.sections.participants.label,
      prompt: { fr: 'Veillez nommer les organismes ayant participé aux travaux du chantiers :', en: 'Name the organisations that took part in the chantier’s work:' },
    },
    preparation: {
      presence: 'required',
      label: lanaudiere2026.sections.preparation.label,
      prompt: { fr: 'Veillez présenter les étapes réalisées menant au dépôt du plan de travail.', en: 'Present the steps that led to the deposit of the work plan.' },
    },
    followUp: {
      presence: 'required',
      label: lanaudiere2026.sections.followUp.label,
      prompt: { fr: 'Veillez expliquer les mécanismes de suivi du plan de travail tels qu’identifiés par les partenaires du chantier.', en: 'Explain the follow-up mechanisms of the work plan as identified by the chantier’s partners.' },
    },
    complementarity: {
      presence: 'required',
      label: lanaudiere2026.sections.complementarity.label,
      prompt: {
        fr: 'COMPLÉMENTARITÉ (Veillez indiquer de quelle manière les travaux seront complémentaires avec les actions déjà en place dans le milieu)',
        en: 'COMPLEMENTARITY (explain how the work will complement the actions already in place)',
      },
    },
    priorityResponses: { presence: 'required', label: lanaudiere2026.sections.priorityResponses.label },
    narrative: { presence: 'absent', label: { fr: 'Texte libre', en: 'Free text' } },
  },
  transversalPriorities: [
    { id: 'communication-information', label: { fr: 'Communication et information', en: 'Communication and information' } },
  ],
  standardEffects: LANAUDIERE_STANDARD_EFFECTS,
  partnerGroups: LANAUDIERE_PARTNER_GROUPS,
  preparationStepKinds: LANAUDIERE_STEP_KINDS,
  yearScheme: { originYear: 2020, startMonth: 4, label: { fr: 'An {n}', en: 'Year {n}' } },
  budgetLines: [],
  terms: LANAUDIERE_TERMS,
}
