import { defineRule } from './rule.js'

/**
 * The engine's own rule: a document that is not a plan of its profile gets its shape problems as findings
 * and no other criterion is judged. On a valid plan it examines the document once and passes.
 */
export const validDocument = defineRule({
  id: 'valid-document',
  meta: {
    criterion: 'document',
    docs: {
      fr: 'Le document a la forme d’un plan de son profil (schéma du profil, identifiants uniques, vocabulaires connus).',
      en: "The document has the shape of a plan of its profile (the profile's schema, unique ids, known vocabularies).",
    },
    serves: { fr: 'Préalable à toute évaluation.', en: 'Prerequisite of any evaluation.' },
    messages: {
      invalid: { fr: '{issue}', en: '{issue}' },
      'not-evaluated': {
        fr: 'Le document n’a pas la forme d’un plan de son profil : les autres critères n’ont pas été évalués.',
        en: 'The document does not have the shape of a plan of its profile: the other criteria were not evaluated.',
      },
    },
    defaultSeverity: 'error',
  },
  check({ examine }) {
    examine('')
  },
})
