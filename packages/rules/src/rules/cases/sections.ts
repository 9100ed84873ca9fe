import type { Cases } from './support.js'
import { edited, seed2021, seed2026, serviceOffer } from './support.js'

export const sectionCases: Record<string, Cases> = {
  'participants-named': {
    valid: [
      { name: 'the 2026 roster', plan: seed2026() },
      { name: 'a profile without the question', plan: serviceOffer() },
    ],
    invalid: [
      {
        name: 'an empty roster',
        plan: edited(seed2026, (plan) => (plan.participants!.entries = [])),
        findings: [{ messageId: 'missing', pointer: '/participants', expected: '/participants/entries', message: { en: 'No participating organisation is named.' } }],
      },
    ],
  },
  'fiduciary-among-participants': {
    valid: [{ name: 'the CREVALE flagged and named fiduciary', plan: seed2026() }],
    invalid: [
      {
        name: 'nobody flagged',
        plan: edited(seed2026, (plan) => plan.participants!.entries.forEach((entry) => (entry.fiduciary = false))),
        findings: [{ messageId: 'none', pointer: '/participants' }],
      },
      {
        name: 'two flagged',
        plan: edited(seed2026, (plan) => (plan.participants!.entries[6]!.fiduciary = true)),
        findings: [{ messageId: 'several', pointer: '/participants', message: { fr: /Centraide Lanaudière/ } }],
      },
      {
        name: 'the plan names another participant than the one flagged',
        plan: edited(seed2026, (plan) => (plan.metadata.chantier!.fiduciary = 'centraide lanaudiere')),
        findings: [{ messageId: 'mismatch', pointer: '/metadata/chantier/fiduciary' }],
      },
      {
        name: 'the named fiduciary is not a participant',
        plan: edited(seed2026, (plan) => (plan.metadata.chantier!.fiduciary = 'Fondation Lucie et André Chagnon')),
        findings: [{ messageId: 'not-a-participant', pointer: '/metadata/chantier/fiduciary', message: { en: 'The fiduciary "Fondation Lucie et André Chagnon" is not among the participants.' } }],
      },
    ],
  },
  'preparation-steps-presented': {
    valid: [{ name: '14 steps', plan: seed2026() }],
    invalid: [
      { name: 'no step', plan: edited(seed2026, (plan) => (plan.preparation!.steps = [])), findings: [{ messageId: 'missing', pointer: '/preparation', expected: '/preparation/steps' }] },
    ],
  },
  'preparation-chronological': {
    valid: [
      { name: 'dated in order, two on the same day', plan: seed2026() },
      { name: 'undated meetings', plan: seed2021() },
    ],
    invalid: [
      {
        name: 'a step dated before the previous one, and a date that cannot be read',
        plan: edited(seed2026, (plan) => {
          plan.preparation!.steps[2]!.date = { raw: '1er septembre 2025' }
          plan.preparation!.steps[0]!.date = { raw: 'printemps 2025' }
        }),
        findings: [
          { messageId: 'unreadable', pointer: '/preparation/steps/0/date' },
          { messageId: 'out-of-order', pointer: '/preparation/steps/2/date', message: { fr: 'L’étape 3 (2025-09-01) est datée avant l’étape qui la précède (2025-09-16).' } },
        ],
      },
    ],
  },
  'preparation-ends-with-deposit': {
    valid: [{ name: 'ends with the deposit of 26 February 2026', plan: seed2026() }],
    invalid: [
      {
        name: 'no deposit among the steps',
        plan: edited(seed2026, (plan) => plan.preparation!.steps.pop()),
        findings: [{ messageId: 'no-deposit', pointer: '/preparation/steps', expected: '/preparation/steps' }],
      },
      {
        name: 'a step after the deposit',
        plan: edited(seed2026, (plan) =>
          plan.preparation!.steps.push({ id: 'st-extra', number: 15, kind: 'email', title: 'Envoi d’un courriel le 5 mars 2026', date: { raw: '5 mars 2026' }, text: 'Suivi.' }),
        ),
        findings: [
          { messageId: 'not-last', pointer: '/preparation/steps/13' },
          { messageId: 'after-deposit', pointer: '/preparation/steps/14/date', message: { en: 'Step 15 is dated 2026-03-05, after the deposit on 2026-02-26.' } },
        ],
      },
      {
        name: 'another deposit date in the plan information',
        plan: edited(seed2026, (plan) => (plan.metadata.depositDate = '2026-02-27')),
        findings: [{ messageId: 'date-mismatch', pointer: '/metadata/depositDate' }],
      },
    ],
  },
  'approval-before-deposit': {
    valid: [
      { name: 'members approve on 10 February, the board resolves on 20 February', plan: seed2026() },
      { name: '2021: acceptance at meeting 4, no resolution required', plan: seed2021(), options: { requireBoardResolution: false } },
    ],
    invalid: [
      {
        name: 'no board resolution',
        plan: edited(seed2026, (plan) => plan.preparation!.steps.splice(12, 1)),
        findings: [{ messageId: 'no-resolution', pointer: '/preparation/steps' }],
      },
      {
        name: 'no approval by the members',
        plan: edited(seed2026, (plan) => {
          plan.preparation!.steps[8]!.text = 'présentation d’une proposition de plan d’action 26-28 et rétroactions des membres.'
          plan.preparation!.steps[10]!.text = 'les membres discutent du budget 2026-2028.'
        }),
        findings: [{ messageId: 'no-approval', pointer: '/preparation/steps' }],
      },
      {
        name: 'the resolution comes after the deposit',
        plan: edited(seed2026, (plan) => {
          const [resolution] = plan.preparation!.steps.splice(12, 1)
          plan.preparation!.steps.push(resolution!)
        }),
        findings: [{ messageId: 'resolution-after-deposit', pointer: '/preparation/steps/13' }],
      },
    ],
  },
  'follow-up-explained': {
    valid: [{ name: 'four mechanisms', plan: seed2026() }],
    invalid: [{ name: 'none', plan: edited(seed2026, (plan) => (plan.followUp = [])), findings: [{ messageId: 'missing', pointer: '/followUp', expected: '/followUp' }] }],
  },
  'follow-up-detail': {
    valid: [
      { name: 'four detailed mechanisms', plan: seed2026() },
      { name: 'one sentence, with a lower minimum', plan: seed2021(), options: { minWords: 10 } },
    ],
    invalid: [
      {
        name: 'the 2021 single sentence',
        plan: seed2021(),
        findings: [{ messageId: 'too-short', pointer: '/followUp', message: { fr: /tiennent en 14 mots \(minimum attendu : 25\)/ } }],
      },
    ],
  },
  'complementarity-described': {
    valid: [{ name: 'six points', plan: seed2026() }],
    invalid: [
      {
        name: 'no point',
        plan: edited(seed2026, (plan) => (plan.complementarity!.points = [])),
        findings: [{ messageId: 'missing', pointer: '/complementarity', expected: '/complementarity/points' }],
      },
    ],
  },
  'complementarity-local-and-regional': {
    valid: [{ name: 'local and regional', plan: seed2026() }],
    invalid: [
      { name: 'the 2021 answer names neither', plan: seed2021(), findings: [{ messageId: 'no-level', pointer: '/complementarity' }] },
      {
        name: 'only the local level',
        plan: edited(seed2026, (plan) => (plan.complementarity!.points = [{ id: 'co-1', text: 'Arrimage avec les partenaires locaux.' }])),
        findings: [{ messageId: 'one-level', pointer: '/complementarity', message: { fr: /du niveau local/, en: /the local level/ } }],
      },
    ],
  },
  'transversal-priorities-answered': {
    valid: [
      { name: 'the three 2026 priorities', plan: seed2026() },
      { name: 'the 2021 priority', plan: seed2021() },
    ],
    invalid: [
      {
        name: 'one answer missing',
        plan: edited(seed2026, (plan) => plan.priorityResponses!.splice(1, 1)),
        findings: [{ messageId: 'unanswered', pointer: '/priorityResponses', expected: '/priorityResponses', message: { fr: 'La priorité transversale « Information et communication » n’a pas de réponse.' } }],
      },
      {
        name: 'an empty answer and a second answer',
        plan: edited(seed2026, (plan) => {
          plan.priorityResponses!.push(structuredClone(plan.priorityResponses![0]!))
          plan.priorityResponses![0]!.blocks = [{ type: 'paragraph', text: ' ' }]
        }),
        findings: [
          { messageId: 'empty', pointer: '/priorityResponses/0/blocks' },
          { messageId: 'duplicate', pointer: '/priorityResponses/3' },
        ],
      },
    ],
  },
}
