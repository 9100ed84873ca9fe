import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'follow-up-explained',
  meta: {
    criterion: 'follow-up',
    docs: { fr: 'Le plan explique au moins un mécanisme de suivi.', en: 'The plan explains at least one follow-up mechanism.' },
    serves: { fr: 'Question du formulaire : « Veuillez expliquer les mécanismes de suivi du plan. »', en: 'Form question: "Explain the follow-up mechanisms of the plan."' },
    messages: { missing: { fr: 'Aucun mécanisme de suivi n’est expliqué.', en: 'No follow-up mechanism is explained.' } },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.followUp.presence === 'absent') return
    examine('/followUp')
    if ((plan.followUp ?? []).every((item) => item.text.trim() === '')) report('missing', { ...missingAt(plan, '/followUp', '/followUp'), subject: '/followUp' })
  },
})
