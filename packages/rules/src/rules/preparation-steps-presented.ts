import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'preparation-steps-presented',
  meta: {
    criterion: 'preparation',
    docs: { fr: 'Le plan présente les étapes réalisées qui ont mené au dépôt.', en: 'The plan presents the steps that led to its deposit.' },
    serves: { fr: 'Question du formulaire : « Veuillez présenter les étapes réalisées menant au dépôt du plan de travail. »', en: 'Form question: "Present the steps that led to the deposit of the work plan."' },
    messages: { missing: { fr: 'Aucune étape de préparation n’est présentée.', en: 'No preparation step is presented.' } },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.preparation.presence === 'absent') return
    examine('/preparation')
    if ((plan.preparation?.steps ?? []).length === 0) report('missing', { ...missingAt(plan, '/preparation', '/preparation/steps'), subject: '/preparation' })
  },
})
