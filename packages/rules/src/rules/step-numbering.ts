import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'step-numbering',
  meta: {
    criterion: 'schedule',
    docs: {
      fr: 'Dans une ligne, les étapes numérotées vont de 1 à n, la numérotation continuant d’un bloc d’années à l’autre.',
      en: 'Within a row, numbered steps run from 1 to n, numbering continuing from one block of years to the next.',
    },
    serves: { fr: 'Cohérence : étapes numérotées de 1 à n.', en: 'Coherence: steps numbered 1..n.' },
    messages: {
      sequence: { fr: 'Étape numérotée {found}, {expected} attendu.', en: 'Step numbered {found}, {expected} expected.' },
      unnumbered: { fr: 'Cette étape n’est pas numérotée alors que les autres le sont.', en: 'This step is not numbered while the others are.' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      row({ row, pointer }) {
        const steps = (row.schedule ?? []).flatMap((block, b) => block.steps.map((step, s) => ({ step, at: `${pointer}/schedule/${b}/steps/${s}` })))
        if (!steps.some(({ step }) => step.number !== undefined)) return
        examine(`${pointer}/schedule`)
        let expected = 1
        for (const { step, at } of steps) {
          if (step.number === undefined) report('unnumbered', { pointer: at, subject: `${pointer}/schedule` })
          else if (step.number !== expected) report('sequence', { pointer: `${at}/number`, subject: `${pointer}/schedule`, data: { found: step.number, expected } })
          expected = (step.number ?? expected) + 1
        }
      },
    }
  },
})
