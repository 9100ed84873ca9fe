import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'complementarity-described',
  meta: {
    criterion: 'complementarity',
    docs: { fr: 'Le plan décrit comment ses travaux complètent les actions déjà en place.', en: 'The plan describes how its work complements the actions already in place.' },
    serves: { fr: 'Question du formulaire : « COMPLÉMENTARITÉ ».', en: 'Form question: "COMPLEMENTARITY".' },
    messages: { missing: { fr: 'La complémentarité avec les actions en place n’est pas décrite.', en: 'Complementarity with the actions in place is not described.' } },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.complementarity.presence === 'absent') return
    examine('/complementarity')
    if ((plan.complementarity?.points ?? []).every((point) => point.text.trim() === ''))
      report('missing', { ...missingAt(plan, '/complementarity', '/complementarity/points'), subject: '/complementarity' })
  },
})
