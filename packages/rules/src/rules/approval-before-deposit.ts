import type { PreparationStep } from '@demarche/domain'
import { foldText } from '@demarche/domain'
import Type from 'typebox'
import { defineRule } from '../engine/rule.js'

const APPROVAL = /\b(?:approb\w*|approuv\w*|accept\w*|adopt\w*)/
const MEETINGS = new Set(['chantier-meeting', 'extraordinary-meeting', 'meeting', 'coordination-committee-meeting'])

interface Options {
  requireBoardResolution: boolean
}

export default defineRule<'no-approval' | 'approval-after-deposit' | 'no-resolution' | 'resolution-after-deposit', Options>({
  id: 'approval-before-deposit',
  meta: {
    criterion: 'preparation',
    docs: {
      fr: 'Une rencontre des membres approuve le plan avant son dépôt et, si le jeu de règles l’exige, le conseil d’administration du fiduciaire adopte une résolution avant le dépôt.',
      en: "A members' meeting approves the plan before its deposit and, where the rule set requires it, the fiduciary's board passes a resolution before the deposit.",
    },
    serves: { fr: 'Cohérence : l’approbation des membres (et la résolution du fiduciaire) précède le dépôt.', en: "Coherence: the members' approval (and the fiduciary's resolution) precedes the deposit." },
    messages: {
      'no-approval': { fr: 'Aucune étape ne montre l’approbation du plan par les membres.', en: "No step shows the members' approval of the plan." },
      'approval-after-deposit': { fr: 'L’approbation des membres vient après le dépôt.', en: "The members' approval comes after the deposit." },
      'no-resolution': { fr: 'Aucune étape ne montre la résolution du conseil d’administration du fiduciaire.', en: "No step shows the resolution of the fiduciary's board." },
      'resolution-after-deposit': { fr: 'La résolution du fiduciaire vient après le dépôt.', en: "The fiduciary's resolution comes after the deposit." },
    },
    options: Type.Object({ requireBoardResolution: Type.Boolean() }, { additionalProperties: false }),
    defaultOptions: { requireBoardResolution: true },
    defaultSeverity: 'error',
  },
  check({ plan, profile, options, examine, report }) {
    const steps = (plan.preparation?.steps ?? [])
    if (profile.sections.preparation.presence === 'absent' || steps.length === 0) return
    const depositIndex = steps.findLastIndex((step) => step.kind === 'official-deposit')
    const deposit = depositIndex >= 0 ? steps[depositIndex] : undefined
    const before = (index: number, step: PreparationStep) =>
      deposit === undefined || (index < depositIndex && (!step.date?.value || !deposit.date?.value || step.date.value <= deposit.date.value))
    examine('/preparation/steps')
    const approval = steps.findIndex((step) => MEETINGS.has(step.kind) && APPROVAL.test(foldText(`${step.title ?? ''} ${step.text}`)))
    if (approval < 0) report('no-approval', { pointer: '/preparation/steps' })
    else if (!before(approval, steps[approval]!)) report('approval-after-deposit', { pointer: `/preparation/steps/${approval}`, subject: '/preparation/steps' })
    if (!options.requireBoardResolution) return
    const subject = '/preparation/steps/resolution'
    examine(subject)
    const resolution = steps.findIndex((step) => step.kind === 'fiduciary-board-resolution')
    if (resolution < 0) report('no-resolution', { pointer: '/preparation/steps', subject })
    else if (!before(resolution, steps[resolution]!)) report('resolution-after-deposit', { pointer: `/preparation/steps/${resolution}`, subject })
  },
})
