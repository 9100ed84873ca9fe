import { XML_FORBIDDEN, xmlSafe } from '@demarche/domain'

/**
 * The value with every string (keys included) freed of the characters XML forbids. Validation already
 * refuses them in a plan; the XML formats (DOCX, XLSX) still pass what they are given through this, so an
 * unvalidated plan or a report message cannot make a file that does not open. Returns the value itself
 * when nothing needs dropping, so the common case costs one read of the strings.
 */
export function xmlSafeDeep<T>(value: T): T {
  return holdsForbidden(value) ? (strip(value) as T) : value
}

function holdsForbidden(value: unknown): boolean {
  if (typeof value === 'string') return XML_FORBIDDEN.test(value)
  if (Array.isArray(value)) return value.some(holdsForbidden)
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => XML_FORBIDDEN.test(key) || holdsForbidden(item))
  return false
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value)
  if (Array.isArray(value)) return value.map(strip)
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [xmlSafe(key), strip(item)]))
  return value
}
