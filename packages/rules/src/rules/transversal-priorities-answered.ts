import { localize } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'transversal-priorities-answered',
  meta: {
    criterion: 'transversal-priorities',
    docs: { fr: 'Chaque priorité transversale de l’édition reçoit une réponse, une seule, non vide.', en: 'Each transversal priority of the edition gets one non-empty answer.' },
    serves: { fr: 'Question du formulaire : « PRIORITÉS TRANSVERSALES ».', en: 'Form question: "TRANSVERSAL PRIORITIES".' },
    messages: {
      unanswered: { fr: 'La priorité transversale « {priority} » n’a pas de réponse.', en: 'Transversal priority "{priority}" has no answer.' },
      empty: { fr: 'La réponse à la priorité « {priority} » est vide.', en: 'The answer to priority "{priority}" is empty.' },
      duplicate: { fr: 'La priorité « {priority} » a plus d’une réponse.', en: 'Priority "{priority}" has more than one answer.' },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.priorityResponses.presence === 'absent') return
    for (const priority of profile.transversalPriorities) {
      const name = { fr: localize(priority.label, 'fr'), en: localize(priority.label, 'en') }
      const subject = `/priorityResponses/${priority.id}`
      examine(subject)
      const answers = (plan.priorityResponses ?? []).flatMap((response, index) => (response.priorityId === priority.id ? [index] : []))
      if (answers.length === 0) {
        report('unanswered', { ...missingAt(plan, '/priorityResponses', '/priorityResponses'), subject, data: { priority: name } })
        continue
      }
      if (answers.length > 1) report('duplicate', { pointer: `/priorityResponses/${answers[1]}`, subject, data: { priority: name } })
      const response = (plan.priorityResponses ?? [])[answers[0]!]!
      const text = response.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.items.map((item) => item.text).join(' '))).join(' ')
      if (text.trim() === '') report('empty', { pointer: `/priorityResponses/${answers[0]}/blocks`, subject, data: { priority: name } })
    }
  },
})
