import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'no-empty-text',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Aucun titre, moyen, résultat, étape ou élément de liste n’est vide.',
      en: 'No title, means, result, step or list item is empty.',
    },
    serves: { fr: 'Hygiène du texte : cellules vides.', en: 'Text hygiene: empty cells.' },
    messages: { empty: { fr: 'Ce texte est vide.', en: 'This text is empty.' } },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    // Notation cells are judged by the column rules; contacts are optional.
    return {
      text({ pointer, text, kind }) {
        if (kind !== 'content') return
        examine(pointer)
        if (text.trim() === '') report('empty', { pointer })
      },
    }
  },
})
