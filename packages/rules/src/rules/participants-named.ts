import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'participants-named',
  meta: {
    criterion: 'participants',
    docs: { fr: 'Le plan nomme au moins un organisme ayant participé aux travaux.', en: 'The plan names at least one organisation that took part in the work.' },
    serves: { fr: 'Question du formulaire : « Veuillez nommer les organismes ayant participé aux travaux du chantier. »', en: 'Form question: "Name the organisations that took part in the chantier’s work."' },
    messages: {
      missing: { fr: 'Aucun organisme participant n’est nommé.', en: 'No participating organisation is named.' },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.participants.presence === 'absent') return
    examine('/participants')
    if ((plan.participants?.entries ?? []).length === 0) report('missing', { ...missingAt(plan, '/participants', '/participants/entries'), subject: '/participants' })
  },
})
