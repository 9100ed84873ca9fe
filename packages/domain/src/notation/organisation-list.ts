import Type, { type Static } from 'typebox'
import { Notation, type NotationOf } from '../common.js'

export const PlaceholderKind = Type.Union([
  Type.Literal('to-be-determined'),
  Type.Literal('ellipsis'),
  Type.Literal('other'),
])
export type PlaceholderKind = Static<typeof PlaceholderKind>

/** What a listed name points to once resolved against the roster and the profile's partner groups. */
export const NameReference = Type.Union([
  Type.Object({ participant: Type.String() }, { additionalProperties: false }),
  Type.Object({ partnerGroup: Type.String() }, { additionalProperties: false }),
])
export type NameReference = Static<typeof NameReference>

export const ListedName = Type.Object(
  {
    text: Type.String(),
    /** Set when the text stands for "someone, later": "À déterminer", "...", "AUTRE". */
    placeholder: Type.Optional(PlaceholderKind),
    /** The name was followed by "..." or "etc.": the list is open-ended. */
    open: Type.Optional(Type.Literal(true)),
    ref: Type.Optional(NameReference),
  },
  { additionalProperties: false },
)
export type ListedName = Static<typeof ListedName>

export const OrganisationListValue = Type.Object(
  {
    names: Type.Array(ListedName),
    /** `any` when the chantier wrote alternatives ("CREVALE ou AUTRE"). */
    mode: Type.Union([Type.Literal('all'), Type.Literal('any')]),
  },
  { additionalProperties: false },
)
export type OrganisationListValue = Static<typeof OrganisationListValue>
export const OrganisationList = Notation(OrganisationListValue, 'Organisations as written, one per line or separated by commas')
export type OrganisationList = NotationOf<OrganisationListValue>

const PLACEHOLDERS: ReadonlyArray<[RegExp, PlaceholderKind]> = [
  [/^(?:à|a)\s+d[ée]terminer\.?$|^to be determined$|^tbd$/i, 'to-be-determined'],
  [/^(?:\.{2,}|…)$/, 'ellipsis'],
  [/^(?:autres?|other)$/i, 'other'],
]
const OPEN_END = /\s*(?:\.{2,}|…|,?\s*etc\.?)$/i

/** Reads a responsible or partner cell. Never throws; an empty cell yields `{ raw }`. */
export function parseOrganisationList(raw: string): OrganisationList {
  if (raw.trim() === '') return { raw }
  const alternatives = raw.split(/\s+(?:ou|or)\s+/i)
  const mode = alternatives.length > 1 ? 'any' : 'all'
  const names: ListedName[] = []
  for (const part of alternatives.flatMap((chunk) => chunk.split(/\s*(?:\n|;|,(?!\d))\s*/))) {
    const previous = names.at(-1)
    // A trailing "etc." after a comma leaves the list open rather than naming anyone.
    if (/^etc\.?$/i.test(part.trim()) && previous && !previous.placeholder) {
      previous.open = true
      continue
    }
    const name = listedName(part.trim())
    if (name) names.push(name)
  }
  if (names.length === 0) return { raw, unparsed: true }
  return { raw, value: { names, mode } }
}

function listedName(text: string): ListedName | undefined {
  if (text === '') return undefined
  for (const [pattern, placeholder] of PLACEHOLDERS) if (pattern.test(text)) return { text, placeholder }
  if (OPEN_END.test(text)) {
    const stem = text.replace(OPEN_END, '').trim()
    return stem === '' ? { text, placeholder: 'ellipsis' } : { text: stem, open: true }
  }
  return { text }
}

/** Splits a contact cell on " / " ("Émilie Caron / Mylène Payette"). */
export const ContactsValue = Type.Object({ names: Type.Array(Type.String()) }, { additionalProperties: false })
export type ContactsValue = Static<typeof ContactsValue>
export const Contacts = Notation(ContactsValue, 'Contact people as written, separated by " / "')
export type Contacts = NotationOf<ContactsValue>

export function parseContacts(raw: string): Contacts {
  if (raw.trim() === '') return { raw }
  const names = raw.split(/\s+\/\s+|\n/).map((name) => name.trim()).filter(Boolean)
  return names.length > 0 ? { raw, value: { names } } : { raw, unparsed: true }
}
