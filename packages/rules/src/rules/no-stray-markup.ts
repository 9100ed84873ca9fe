import { defineRule } from '../engine/rule.js'
import { excerpt } from './no-placeholder-text.js'

const PATTERNS: ReadonlyArray<[kind: string, pattern: RegExp]> = [
  ['html', /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i],
  ['entity', /&(?:nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i],
  ['escape', /\\[$*_#[\]`]/],
]

const MARKUP_CHARACTERS = /[<&\\*]/

export default defineRule({
  id: 'no-stray-markup',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Les textes ne contiennent pas de balisage égaré (balises HTML, entités, échappements) et leurs marques d’emphase (*…*, **…**) sont équilibrées.',
      en: 'Texts contain no stray markup (HTML tags, entities, escapes) and their emphasis marks (*…*, **…**) are balanced.',
    },
    serves: { fr: 'Hygiène du texte : balisage égaré.', en: 'Text hygiene: stray markup.' },
    messages: {
      markup: { fr: 'Balisage égaré « {found} » dans « {text} ».', en: 'Stray markup "{found}" in "{text}".' },
      unbalanced: { fr: 'Marque d’emphase « {mark} » non refermée dans « {text} ».', en: 'Unclosed emphasis mark "{mark}" in "{text}".' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      text({ pointer, text }) {
        if (text.trim() === '') return
        examine(pointer)
        if (!MARKUP_CHARACTERS.test(text)) return
        for (const [, pattern] of PATTERNS) {
          const found = pattern.exec(text)
          if (found) report('markup', { pointer, data: { found: found[0], text: excerpt(text) } })
        }
        const bold = text.split('**').length - 1
        const single = text.replace(/\*\*/g, '').split('*').length - 1
        if (bold % 2 === 1) report('unbalanced', { pointer, data: { mark: '**', text: excerpt(text) } })
        if (single % 2 === 1) report('unbalanced', { pointer, data: { mark: '*', text: excerpt(text) } })
      },
    }
  },
})
