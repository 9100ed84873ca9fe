import { defineRule } from '../engine/rule.js'

const SPACE_BEFORE = /[ \u00a0\u202f]+([,.])(?=\s|$)/g
const CANDIDATE = /[ \u00a0\u202f][,.]| {2}/
const DOUBLE_SPACE = /\S {2,}\S/u

export default defineRule({
  id: 'punctuation-spacing',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Pas d’espace avant une virgule ou un point, pas d’espaces doubles (les espaces avant « : ; ! ? » relèvent de la typographie du rendu).',
      en: 'No space before a comma or a period, no double spaces (spaces before ": ; ! ?" are the renderer’s typography).',
    },
    serves: { fr: 'Hygiène du texte : espacement.', en: 'Text hygiene: spacing.' },
    messages: {
      'space-before': { fr: 'Espace avant « {mark} » après « {word} ».', en: 'Space before "{mark}" after "{word}".' },
      'double-space': { fr: 'Espaces doubles.', en: 'Double spaces.' },
    },
    defaultSeverity: 'info',
  },
  create({ examine, report }) {
    return {
      text({ pointer, text }) {
        if (text.trim() === '') return
        examine(pointer)
        if (!CANDIDATE.test(text)) return
        for (const match of text.matchAll(SPACE_BEFORE)) {
          // "..." after a space is an ellipsis, not a misplaced period.
          if (match[1] === '.' && text.startsWith('..', match.index + match[0].length - 1)) continue
          const word = /(\S{1,30})$/.exec(text.slice(0, match.index))?.[1]
          if (word) report('space-before', { pointer, data: { mark: match[1]!, word } })
        }
        if (DOUBLE_SPACE.test(text)) report('double-space', { pointer })
      },
    }
  },
})
