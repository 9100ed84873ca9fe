import { derivedId, keyRank, type PlanDocument } from '@demarche/domain'

/** The namespace of the custom XML part that carries the plan's stored form. */
export const PLAN_PART_NAMESPACE = 'urn:demarche:plan:1'
const ITEM = 'customXml/item1.xml'
const PROPS = 'customXml/itemProps1.xml'

/**
 * The custom XML part the plan rides in beside the visible text, for what the document does not show (ids of
 * nodes with no bookmark, notations' parsed values, the roster's notes, the metadata). Word keeps custom
 * XML parts; the importer uses this one only where the visible text is unchanged, so edited text wins.
 */
export function planParts(plan: PlanDocument): Array<[string, string]> {
  const json = JSON.stringify(inFormOrder(plan)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const guid = derivedId('x', plan.id).slice(2).padEnd(32, '0').toUpperCase()
  const itemId = `{${guid.slice(0, 8)}-${guid.slice(8, 12)}-${guid.slice(12, 16)}-${guid.slice(16, 20)}-${guid.slice(20, 32)}}`
  return [
    [ITEM, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<plan xmlns="${PLAN_PART_NAMESPACE}">${json}</plan>`],
    [PROPS, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${PLAN_PART_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`],
    [
      'customXml/_rels/item1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    ],
  ]
}

/** The document's relationships and content types with the plan part declared. */
export function declarePlanPart(path: string, text: string): string {
  if (path === 'word/_rels/document.xml.rels')
    return text.replace('</Relationships>', `<Relationship Id="rIdDemarchePlan" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../${ITEM}"/></Relationships>`)
  if (path === '[Content_Types].xml')
    return text.replace('</Types>', `<Override PartName="/${PROPS}" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`)
  return text
}

/**
 * The plan with every object's keys in the form's order (the schema's, `keyRank`), the rest by name: the same
 * plan gives the same bytes however its keys came (a database's JSON column gives them back in its own order).
 */
function inFormOrder(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => inFormOrder(item, parentKey))
  if (value === null || typeof value !== 'object') return value
  const rank = (key: string) => keyRank(parentKey, key) ?? Number.MAX_SAFE_INTEGER
  const keys = Object.keys(value).sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0))
  return Object.fromEntries(keys.map((key) => [key, inFormOrder((value as Record<string, unknown>)[key], key)]))
}
