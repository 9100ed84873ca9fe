import type { Level } from './profile/profile.js'

/**
 * A level's name ready to go in a sentence, in both languages: "Cette stratégie", "aucun geste", "de l’orientation".
 * French agrees in gender and elides from what the profile gives (`Level.grammar`); without it, the forms that
 * need no gender are used ("pas de stratégie", "l’élément « stratégie »"), so that no sentence disagrees.
 */
export interface LevelWords {
  /** "stratégie" / "strategy", as in "strategy 2". */
  name: { fr: string; en: string }
  /** "Cette stratégie" / "This strategy" (starts a sentence). */
  this: { fr: string; en: string }
  /** "la stratégie", "l’orientation" / "the strategy". */
  the: { fr: string; en: string }
  /** "de la stratégie", "de l’orientation", "du volet" / "of the strategy". */
  of: { fr: string; en: string }
  /** "aucune stratégie", "pas d’orientation" / "no strategy". */
  none: { fr: string; en: string }
  /** "stratégies" / "strategies". */
  plural: { fr: string; en: string }
}

export function levelWords(level: Level): LevelWords {
  const fr = lower(level.short.fr)
  const en = lower(level.short.en ?? level.short.fr)
  const grammar = level.grammar
  const elides = grammar?.elision ?? /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(fr)
  const plural = {
    fr: grammar?.plural ? lower(grammar.plural.fr) : pluralFr(fr),
    en: grammar?.plural?.en ? lower(grammar.plural.en) : pluralEn(en),
  }
  const english = { this: `This ${en}`, the: `the ${en}`, of: `of the ${en}`, none: `no ${en}` }
  const name = { fr, en }
  if (!grammar)
    return {
      name,
      this: { fr: `Cet élément (${fr})`, en: english.this },
      the: { fr: elides ? `l’${fr}` : `l’élément « ${fr} »`, en: english.the },
      of: { fr: elides ? `de l’${fr}` : `de l’élément « ${fr} »`, en: english.of },
      none: { fr: elides ? `pas d’${fr}` : `pas de ${fr}`, en: english.none },
      plural,
    }
  const feminine = grammar.gender === 'feminine'
  return {
    name,
    this: { fr: `${feminine ? 'Cette' : elides ? 'Cet' : 'Ce'} ${fr}`, en: english.this },
    the: { fr: elides ? `l’${fr}` : `${feminine ? 'la' : 'le'} ${fr}`, en: english.the },
    of: { fr: elides ? `de l’${fr}` : feminine ? `de la ${fr}` : `du ${fr}`, en: english.of },
    none: { fr: `${feminine ? 'aucune' : 'aucun'} ${fr}`, en: english.none },
    plural,
  }
}

/** Level names are capitalised as headings ("Axe"); in a sentence they are not, acronyms aside. */
function lower(word: string): string {
  return /^\p{Lu}\p{Ll}/u.test(word) ? word.charAt(0).toLowerCase() + word.slice(1) : word
}

function pluralFr(word: string): string {
  return /[sxz]$/.test(word) ? word : word.endsWith('al') ? `${word.slice(0, -2)}aux` : `${word}s`
}

function pluralEn(word: string): string {
  return /(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`
}
