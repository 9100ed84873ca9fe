import { derivedId, foldText, preparePlan, type PlanDocument, type Profile, validatePlan, visitPlan } from '@demarche/domain'
import { detectFormat } from '../detect.js'
import { DEFAULT_LIMITS } from '../limits.js'
import type { PlanImport, PlanImportOptions } from '../plan-import.js'
import { type ImportIssue, type ImportReport, issue, type SourcePlace } from '../report.js'
import { bestMatch } from './fuzzy.js'
import { readForm } from './form-reader.js'
import { mergeStored, storedPlan } from './own-docx.js'
import { readDocx } from './read-docx.js'

/**
 * Imports a plan from a Word document: the toolkit's own DOCX (ids from its hidden bookmarks, the stored
 * plan completing what the document does not show, edited text winning) or any document that follows the
 * profile's form. Notations are parsed as `prepare` parses them and organisation names resolved against the
 * roster. Never throws: whatever could be read comes back with a located, bilingual report.
 */
export function importDocx(bytes: Uint8Array, options: PlanImportOptions): PlanImport {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const report: ImportReport = { format: 'unknown', failed: false, issues: [], unplaced: [] }
  try {
    const detected = detectFormat(bytes, limits)
    report.format = detected.format
    report.issues.push(...detected.issues)
    if (detected.format !== 'docx') {
      if (detected.issues.length === 0) report.issues.push(issue('not-a-document', {}, 'Le fichier n’est pas un document Word (.docx).', 'The file is not a Word document (.docx).'))
      return { plan: undefined, report: { ...report, failed: true } }
    }
    const read = readDocx(bytes, limits)
    if (!read.ok) return { plan: undefined, report: { ...report, failed: true, issues: [...report.issues, ...read.issues] } }
    const form = readForm(read.content, options.profile)
    report.issues.push(...form.issues)
    report.unplaced.push(...form.unplaced)
    const stored = storedPlan(read.content.customXml)
    const merged = stored && stored.profile.id === options.profile.id ? mergeStored(form.plan, stored) : { ...form.plan, id: derivedId('plan', form.plan.metadata.title) }
    const plan = preparePlan(merged, options.profile)
    report.issues.push(...notationFindings(plan, options.profile, form.places))
    const valid = validatePlan(plan, { profiles: [options.profile] })
    if (!valid.ok)
      for (const problem of valid.issues.slice(0, 20))
        report.issues.push({ ...issue('invalid-plan', placeOf(problem.pointer, form.places), `Le plan importé est incomplet : ${problem.message.fr}`, `The imported plan is incomplete: ${problem.message.en}`), pointer: problem.pointer })
    return { plan, report }
  } catch (error) {
    // A reader bug must not become a crash for the person importing: it is reported, with what was read so far.
    const detail = error instanceof Error ? error.message : String(error)
    report.issues.push(issue('import-failed', {}, 'Le document n’a pas pu être lu jusqu’au bout.', `The document could not be read to the end (${detail}).`))
    return { plan: undefined, report: { ...report, failed: true } }
  }
}

/** Notations that did not parse and organisation names the roster does not know, each with its place and candidates. */
function notationFindings(plan: PlanDocument, profile: Profile, places: ReadonlyMap<string, SourcePlace>): ImportIssue[] {
  const findings: ImportIssue[] = []
  const roster = (plan.participants?.entries ?? []).map((entry) => ({ value: entry.name, keys: [entry.name, ...(entry.acronym ? [entry.acronym] : [])] }))
  visitPlan(plan, profile, {
    notation: (visit) => {
      const place = placeOf(visit.pointer, places)
      if (visit.stored.unparsed)
        findings.push({ ...issue('unparsed-notation', place, `« ${visit.stored.raw} » n’a pas pu être interprété ; le texte est gardé tel quel.`, `“${visit.stored.raw}” could not be interpreted; the text is kept as written.`, 'warning'), pointer: visit.pointer })
      if (visit.kind !== 'organisations') return
      const names = (visit.stored.value as { names?: Array<{ text: string; ref?: unknown; placeholder?: unknown }> } | undefined)?.names ?? []
      for (const name of names) {
        if (name.ref || name.placeholder) continue
        const candidates = roster.filter((entry) => bestMatch(name.text, [entry], 0.6) || foldText(entry.value).includes(foldText(name.text))).slice(0, 3).map((entry) => entry.value)
        const fr = candidates.length > 0 ? ` Vouliez-vous dire : ${candidates.map((candidate) => `« ${candidate} »`).join(', ')} ?` : ''
        const en = candidates.length > 0 ? ` Did you mean: ${candidates.map((candidate) => `“${candidate}”`).join(', ')}?` : ''
        findings.push({ ...issue('unknown-organisation', place, `L’organisme « ${name.text} » n’est pas dans la liste des participants.${fr}`, `Organisation “${name.text}” is not in the participants list.${en}`, 'warning'), pointer: visit.pointer })
      }
    },
  })
  return findings
}

/** The place a value was read from: the pointer's own, or its closest parent's. */
function placeOf(pointer: string, places: ReadonlyMap<string, SourcePlace>): SourcePlace {
  for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
    const place = places.get(at)
    if (place) return place
  }
  return {}
}
