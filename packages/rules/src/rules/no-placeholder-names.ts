import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'no-placeholder-names',
  meta: {
    criterion: 'responsibility',
    docs: {
      fr: 'Les cellules responsables et partenaires nomment des organismes, pas des marque-places (« À déterminer », « ... », « AUTRE »); une liste ouverte (« CMS... ») est signalée.',
      en: 'Responsible and partner cells name organisations, not placeholders ("À déterminer", "...", "AUTRE"); an open-ended list ("CMS...") is pointed out.',
    },
    serves: { fr: 'Cohérence : les marque-places sont signalés.', en: 'Coherence: placeholders are flagged.' },
    messages: {
      placeholder: { fr: '« {name} » tient la place d’un organisme à nommer ({column}).', en: '"{name}" stands in for an organisation still to be named ({column}).' },
      'open-list': { fr: 'La liste reste ouverte après « {name} » (« ... » ou « etc. ») : elle n’est pas complète.', en: 'The list is left open after "{name}" ("..." or "etc."): it is not complete.' },
    },
    defaultSeverity: 'warning',
  },
  create({ profile, examine, report }) {
    return {
      row({ row, pointer }) {
        for (const column of ['responsible', 'partners'] as const) {
          const list = row[column]?.value
          if (!list) continue
          const cell = `${pointer}/${column}`
          const label = profile.columns[column].label
          examine(cell)
          for (const name of list.names) {
            if (name.placeholder) report('placeholder', { pointer: cell, data: { name: name.text, column: { fr: label.fr, en: label.en ?? label.fr } } })
            else if (name.open) report('open-list', { pointer: cell, data: { name: name.text } })
          }
        }
      },
    }
  },
})
