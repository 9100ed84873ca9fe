import {
  type BudgetCell, foldText, formatMoney, type OrganisationList, parseContacts, parseOrganisationList, PlanDocument,
} from '@demarche/domain'
import { Compile } from 'typebox/compile'
import { decodeEntities } from './xml-nodes.js'

/** The namespace of the custom XML part the toolkit's DOCX carries (`@demarche/render`, docx/plan-part.ts). */
const PLAN_PART = /<plan xmlns="urn:demarche:plan:1">([\s\S]*)<\/plan>/

/** The plan schema's check, compiled on first use (checking a 2026-2028 plan uncompiled costs more than reading its document). */
let check: ReturnType<typeof Compile<typeof PlanDocument>> | undefined

/** The plan stored in the toolkit's own DOCX, when the document carries a valid one. */
export function storedPlan(customXml: readonly string[]): PlanDocument | undefined {
  for (const part of customXml) {
    const match = PLAN_PART.exec(part)
    if (!match) continue
    try {
      const plan: unknown = JSON.parse(decodeEntities(match[1]!))
      if ((check ??= Compile(PlanDocument)).Check(plan)) return plan
    } catch {
      // A damaged part is as good as none: the visible document is read on its own.
    }
  }
  return undefined
}

/**
 * Keys the document does not show (a note's `at`, shown only as a call after a text, which a cell's call cannot
 * tell from its last text's): the stored value stands whenever the node is still there.
 */
const HIDDEN = new Set(['kind', 'acronym', 'effect', 'date', 'at'])
/** Keys the document shows but may have made up (from the profile's label and the position): kept only when the plan had them. */
const DERIVED = new Set(['heading', 'number'])
const NOTATIONS = new Set(['responsible', 'partners', 'budget', 'years', 'contacts'])

/**
 * The visible reading of the toolkit's own DOCX, completed from the plan it stored: nodes are matched by the
 * ids their bookmarks carry (or by position where they carry none), and every text takes its stored form
 * only when the visible text says the same (up to the typography and formats the document adds). Edited
 * text wins; added nodes come from the visible reading; removed ones are gone.
 */
export function mergeStored(visible: PlanDocument, stored: PlanDocument): PlanDocument {
  const merged = mergeValue(visible, stored, '') as PlanDocument
  return {
    ...merged,
    ...(stored.$schema && { $schema: stored.$schema }),
    id: stored.id,
    metadata: { ...stored.metadata, title: sameText(visible.metadata.title, stored.metadata.title) ? stored.metadata.title : visible.metadata.title },
    ...(stored.financialPlan && { financialPlan: stored.financialPlan }),
  }
}

function mergeValue(visible: unknown, stored: unknown, key: string): unknown {
  if (typeof visible === 'string' && typeof stored === 'string') return sameText(visible, stored) ? stored : visible
  if (Array.isArray(visible) && Array.isArray(stored)) return mergeArray(visible, stored, key)
  if (isObject(visible) && isObject(stored)) {
    if (NOTATIONS.has(key) && typeof visible.raw === 'string') return sameNotation(key, visible.raw, stored) ? stored : visible
    if (typeof visible.id === 'string' && typeof stored.id === 'string' && visible.id !== '' && visible.id !== stored.id) return visible
    const out: Record<string, unknown> = {}
    for (const name of new Set([...Object.keys(stored), ...Object.keys(visible)])) {
      if (name === 'id' && visible.id === '' && typeof stored.id === 'string') out.id = stored.id
      else if (HIDDEN.has(name) && name in stored) out[name] = stored[name]
      else if (!(name in visible)) out[name] = stored[name]
      else if (!(name in stored)) {
        // A number or heading the document derived for display ("Volet 1 :") is not one the plan wrote.
        if (!DERIVED.has(name)) out[name] = visible[name]
      }
      else out[name] = mergeValue(visible[name], stored[name], name)
    }
    // The roster's cell as written ("… /\nOrganisme fiduciaire") is not what the document shows: kept while name and note are.
    if (typeof stored.raw === 'string' && typeof visible.raw === 'string' && out.name === stored.name && out.note === stored.note) out.raw = stored.raw
    return out
  }
  return visible === undefined ? stored : visible
}

function mergeArray(visible: unknown[], stored: unknown[], key: string): unknown[] {
  const byId = new Map<string, unknown>()
  for (const item of stored) if (isObject(item) && typeof item.id === 'string') byId.set(item.id, item)
  return visible.map((item, index) => {
    if (isObject(item) && typeof item.id === 'string' && item.id !== '') {
      const match = byId.get(item.id)
      return match === undefined ? item : mergeValue(item, match, key)
    }
    // Nodes without a bookmark (result lines, list items) pair by position while the list keeps its length.
    return visible.length === stored.length ? mergeValue(item, stored[index], key) : item
  })
}

/**
 * A budget cell as the toolkit's documents show it: amounts in the locale's money format after their label
 * and fiscal year ("Total 2026-2027 : 10 500 $ + 7 000 $"), other lines as written.
 */
function shownBudget(cell: BudgetCell, language: 'fr' | 'en'): string {
  if (!cell.value) return cell.raw
  return cell.value.parts
    .map((part) => {
      if (part.kind !== 'amount') return part.raw
      const { amount } = part
      const figures = amount.terms.map((cents) => (amount.hasCurrency ? formatMoney(cents, language) : formatMoney(cents, language).replace(/\u00a0?\$/, '').replace(/^\$/, '')))
      const label = [amount.label, amount.fiscalYear].filter(Boolean).join(' ')
      return label ? `${label}${language === 'fr' ? ' : ' : ': '}${figures.join(' + ')}` : figures.join(' + ')
    })
    .join('\n')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The same words and signs, whatever the spacing, quotation marks and emphasis the document set them in. */
export function sameText(a: string, b: string): boolean {
  return a === b || comparable(a) === comparable(b)
}

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\*/g, '').replace(/[«»“”]/g, '"').replace(/[’‘]/g, "'").replace(/[\s\u00a0\u202f]+/g, '').replace(/:$/, '')
}

/** A notation the document shows in its parsed form (names one per line, amounts in the money format) still reads the same. */
function sameNotation(key: string, raw: string, stored: Record<string, unknown>): boolean {
  const storedRaw = typeof stored.raw === 'string' ? stored.raw : ''
  if (sameText(raw, storedRaw)) return true
  if (key === 'budget') return (['fr', 'en'] as const).some((language) => sameText(raw, shownBudget(stored as unknown as BudgetCell, language)))
  const names = (value: unknown) => ((value as { names?: Array<string | { text: string }> } | undefined)?.names ?? []).map((name) => foldText(typeof name === 'string' ? name : name.text).replace(/…$/, ''))
  if (key === 'contacts') return sameText(raw, ((stored.value as { names?: string[] } | undefined)?.names ?? []).join(', '))
  if (key === 'responsible' || key === 'partners') {
    const shown = raw.split('\n').map((line) => line.replace(/…$/, '').trim())
    return JSON.stringify(names({ names: shown.length === 1 ? (parseOrganisationList(raw).value?.names ?? []) : shown })) === JSON.stringify(names((stored as unknown as OrganisationList).value))
  }
  return false
}
