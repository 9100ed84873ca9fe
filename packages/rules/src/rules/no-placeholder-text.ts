import { defineRule } from '../engine/rule.js'

const PLACEHOLDER = /^\s*(?:(?:à|a)\s+(?:déterminer|determiner|compléter|completer|venir|préciser|preciser)\b|tbd\b|xxx+|\.{3}\s*$|…\s*$)|\[(?:[^\]]*(?:compléter|completer|à venir|a venir|insérer|inserer)[^\]]*)\]|\bTODO\b|\bXXX+\b/i

export default defineRule({
  id: 'no-placeholder-text',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Aucun texte du plan n’est un marque-place (« À déterminer… », « ... », « XXX », « [à compléter] »). Les cellules du tableau écrites en notation (responsables, partenaires, années, budget) relèvent de leurs propres règles.',
      en: 'No text of the plan is a placeholder ("À déterminer…", "...", "XXX", "[à compléter]"). Table cells written as notations (responsible, partners, years, budget) are covered by their own rules.',
    },
    serves: { fr: 'Hygiène du texte : marque-places.', en: 'Text hygiene: placeholders.' },
    messages: { placeholder: { fr: 'Texte provisoire : « {text} ».', en: 'Provisional text: "{text}".' } },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      text({ pointer, text, kind }) {
        if (kind === 'cell' || text.trim() === '') return
        examine(pointer)
        if (PLACEHOLDER.test(text)) report('placeholder', { pointer, data: { text: excerpt(text) } })
      },
    }
  },
})

export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
