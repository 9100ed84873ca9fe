import {
  buildNameIndex, derivedId, DOCUMENT_FIELDS, type DocumentField, generic, parseYearSpec, formColumns, formerParticipantColumns, type FormLanguage, type FormSheetKey, Id, PLAN_SCHEMA_VERSION, type PlanDocument, type PlanMetadata, preparePlan,
  SHEET_NAMES, validatePlan, visitPlan,
} from '@demarche/domain'
import type ExcelJS from 'exceljs'
import { Value } from 'typebox/value'
import { DEFAULT_LIMITS, type ImportLimits } from '../limits.js'
import { importLimits, type PlanImport, type PlanImportOptions } from '../plan-import.js'
import { type ImportReport, issue } from '../report.js'
import { readDocument, readNarrative, readNumbered, readParticipants, readPriorities, readSteps, type SheetContext } from './read-sheets.js'
import { readFinancialPlan } from './read-montage.js'
import { readNotes } from './read-notes.js'
import { readTable } from './read-table.js'
import { cellText, loadWorkbook, readGrid, type SheetGrid } from './workbook.js'

type DataSheet = Exclude<FormSheetKey, 'instructions' | 'lists'>

/** Sheets the toolkit writes for people only: computed from the plan, never read back. */
const DERIVED_SHEETS = new Set(['Budget'])

/**
 * Reads a filled XLSX form, or a plan the toolkit rendered as a workbook (the same layout, with the ids in
 * hidden columns), into a plan of the profile. What the cells say wins: ids are kept when the file has them
 * and derived from their place otherwise; notations are parsed as `prepare` parses them. Never throws.
 */
export async function readPlanXlsx(bytes: Uint8Array, options: PlanImportOptions): Promise<PlanImport> {
  const loaded = await loadWorkbook(bytes, importLimits(options))
  if (!loaded.workbook) return { plan: undefined, report: loaded.report }
  try {
    return readWorkbook(loaded.workbook, options, loaded.report)
  } catch {
    // A workbook exceljs accepted but laid out in a way no check foresaw: the report says so, the caller goes on.
    const report = loaded.report
    report.issues.push(issue('unreadable-workbook', {}, 'Le classeur n’a pas pu être lu jusqu’au bout ; enregistrez-le de nouveau depuis Excel ou LibreOffice.', 'The workbook could not be read to the end; save it again from Excel or LibreOffice.'))
    return { plan: undefined, report: { ...report, failed: true } }
  }
}

/**
 * The profile a workbook says it was made for (the Document sheet's « Profil » field, "id@version"), for
 * callers given no profile; undefined when the file is not a readable workbook or says none.
 */
export async function declaredProfile(bytes: Uint8Array, limits: Partial<ImportLimits> = {}): Promise<{ id: string; version?: number } | undefined> {
  const loaded = await loadWorkbook(bytes, { ...DEFAULT_LIMITS, ...limits })
  if (!loaded.workbook) return undefined
  const language = formLanguage(loaded.workbook)
  const grid = sheetGrid(loaded.workbook, 'document', { profile: generic, language, report: loaded.report })
  const row = grid?.rows.find((candidate) => [DOCUMENT_FIELDS.profile.fr, DOCUMENT_FIELDS.profile.en].includes(candidate.text('field').trim() as never))
  const [id, version] = (row?.text('value').trim() ?? '').split('@')
  if (!id) return undefined
  return version && /^\d+$/.test(version) ? { id, version: Number(version) } : { id }
}

/** French or English form: the language whose sheet names the workbook has more of. */
export function formLanguage(workbook: ExcelJS.Workbook): FormLanguage {
  const count = (language: FormLanguage) => Object.values(SHEET_NAMES[language]).filter((name) => workbook.getWorksheet(name) !== undefined).length
  return count('en') > count('fr') ? 'en' : 'fr'
}

export function sheetGrid(workbook: ExcelJS.Workbook, key: DataSheet, context: Pick<SheetContext, 'profile' | 'language' | 'report'>): SheetGrid | undefined {
  const other: FormLanguage = context.language === 'fr' ? 'en' : 'fr'
  const sheet = workbook.getWorksheet(SHEET_NAMES[context.language][key]) ?? workbook.getWorksheet(SHEET_NAMES[other][key])
  if (!sheet) return undefined
  const former = key === 'participants' ? [formerParticipantColumns('fr'), formerParticipantColumns('en')] : []
  return readGrid(sheet, [formColumns(context.profile, context.language)[key], formColumns(context.profile, other)[key], ...former], context.report)
}

function readWorkbook(workbook: ExcelJS.Workbook, options: PlanImportOptions, report: ImportReport): PlanImport {
  const profile = options.profile
  const language = formLanguage(workbook)
  const context: SheetContext = { profile, language, report, places: new Map(), ids: new Set() }
  const names = SHEET_NAMES[language]
  const known = new Set<string>([...Object.values(SHEET_NAMES.fr), ...Object.values(SHEET_NAMES.en)])
  for (const sheet of workbook.worksheets) {
    if (known.has(sheet.name)) continue
    if (DERIVED_SHEETS.has(sheet.name)) {
      report.issues.push(issue('derived-sheet', { sheet: sheet.name }, `La feuille « ${sheet.name} » est calculée à partir du plan : elle n’est pas lue.`, `Sheet “${sheet.name}” is computed from the plan: it is not read.`, 'info'))
      continue
    }
    unplacedSheet(sheet, report)
  }
  const grid = (key: DataSheet) => sheetGrid(workbook, key, context)
  const planGrid = grid('plan')
  if (!planGrid) {
    report.issues.push(issue('missing-sheet', { sheet: names.plan }, `La feuille « ${names.plan} » est absente du classeur.`, `The workbook has no “${names.plan}” sheet.`))
    return { plan: undefined, report: { ...report, failed: true } }
  }
  const sheets = Object.fromEntries((['document', 'participants', 'preparation', 'priorities', 'followUp', 'complementarity', 'narrative', 'financialPlan', 'notes'] as const).map((key) => [key, grid(key)])) as Record<Exclude<DataSheet, 'plan'>, SheetGrid | undefined>
  const sectionOf = { participants: 'participants', preparation: 'preparation', priorities: 'priorityResponses', followUp: 'followUp', complementarity: 'complementarity', narrative: 'narrative' } as const
  for (const [key, section] of Object.entries(sectionOf) as Array<[keyof typeof sectionOf, (typeof sectionOf)[keyof typeof sectionOf]]>)
    if (!sheets[key] && profile.sections[section].presence === 'required')
      report.issues.push(issue('missing-sheet', { sheet: names[key] }, `La feuille « ${names[key]} » est absente du classeur : la section est importée vide.`, `The workbook has no “${names[key]}” sheet: the section is imported empty.`, 'warning'))

  const document = readDocument(sheets.document, context)
  const values = document.values
  // Participants first: their ids and names are what the plan table's organisation cells resolve to.
  const entries = sheets.participants ? readParticipants(sheets.participants, context) : []
  const { axes, objectives } = readTable(planGrid, context)
  const title = values.title ?? localizeTitle(profile, language)
  const metadata: PlanMetadata = { title, language: values.language === 'en-CA' || values.language === 'fr-CA' ? values.language : language === 'en' ? 'en-CA' : 'fr-CA', status: 'draft' }
  if (values.programme || values.reviewingBody) metadata.programme = { name: values.programme ?? '', reviewingBody: values.reviewingBody ?? '' }
  if (values.chantier) metadata.chantier = { name: values.chantier, ...(values.fiduciary ? { fiduciary: values.fiduciary } : {}) }
  if (values.issuer) metadata.issuer = values.issuer
  const period = readPeriod(values, profile)
  if (period) metadata.period = period
  if (values.depositDate) metadata.depositDate = values.depositDate
  if (values.revisionOf) metadata.revisionOf = values.revisionOf
  if (values.status === 'draft' || values.status === 'deposited' || values.status === 'published') metadata.status = values.status
  const declaredProfile = values.profile?.trim()
  if (declaredProfile && declaredProfile.split('@')[0] !== profile.id && document.rows.profile)
    report.issues.push({
      ...issue('profile-mismatch', { sheet: sheets.document!.name, cell: document.rows.profile.address('value') }, `Le classeur a été fait pour le profil « ${declaredProfile} » ; il est lu avec le profil « ${profile.id} ».`, `The workbook was made for profile “${declaredProfile}”; it is read with profile “${profile.id}”.`, 'warning'),
      pointer: '/profile',
    })
  const planId = values.planId && Value.Check(Id, values.planId.trim()) ? values.planId.trim() : derivedId('plan', title)

  const steps = sheets.preparation ? readSteps(sheets.preparation, context) : []
  const followUp = sheets.followUp ? readNumbered(sheets.followUp, context, '/followUp') : []
  const points = sheets.complementarity ? readNumbered(sheets.complementarity, context, '/complementarity/points') : []
  const priorityResponses = sheets.priorities ? readPriorities(sheets.priorities, context) : []
  // A section the profile marks absent is left out when the workbook has no sheet for it and fills none of its
  // fields, as the plan written without it leaves it out (preparePlan adds no section).
  const sheetOf = new Map(Object.entries(sectionOf).map(([key, section]) => [section, key as keyof typeof sectionOf]))
  const kept = (section: (typeof sectionOf)[keyof typeof sectionOf], filled: boolean) => filled || sheets[sheetOf.get(section)!] !== undefined || profile.sections[section].presence !== 'absent'
  const plan: PlanDocument = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: planId,
    profile: { id: profile.id, version: profile.version },
    metadata,
    ...(values.regionalPriority !== undefined ? { regionalPriority: values.regionalPriority } : {}),
    ...(kept('participants', entries.length > 0 || values.participantsRaw !== undefined) ? { participants: { ...(values.participantsRaw !== undefined ? { raw: values.participantsRaw } : {}), entries } } : {}),
    ...(kept('preparation', steps.length > 0 || values.preparationIntro !== undefined) ? { preparation: { ...(values.preparationIntro !== undefined ? { intro: values.preparationIntro } : {}), steps } } : {}),
    ...(kept('followUp', followUp.length > 0) ? { followUp } : {}),
    ...(kept('complementarity', points.length > 0 || values.complementarityHeading !== undefined)
      ? { complementarity: { ...(values.complementarityHeading !== undefined ? { heading: values.complementarityHeading } : {}), points } }
      : {}),
    ...(kept('priorityResponses', priorityResponses.length > 0) ? { priorityResponses } : {}),
    axes,
    ...(objectives ? { objectives } : {}),
  }
  const narrative = sheets.narrative ? readNarrative(sheets.narrative, context) : []
  if (kept('narrative', narrative.length > 0)) plan.narrative = narrative
  const montage = sheets.financialPlan ? readFinancialPlan(sheets.financialPlan, context) : undefined
  if (montage) plan.financialPlan = montage
  // Notes last: they refer to the cells of the other sheets.
  const notes = sheets.notes ? readNotes(sheets.notes, context) : []
  if (notes.length > 0) plan.notes = notes
  const prepared = preparePlan(plan, profile)
  nameFindings(prepared, context)
  validationFindings(prepared, context)
  report.failed = report.issues.some((found) => found.severity === 'error' && found.code === 'missing-sheet')
  return { plan: prepared, report }
}

/**
 * The plan's years from the Document sheet: the first and last years as the form counts them, and the period as
 * written; a period written with no years counted (a region's form fills only « Période ») gives its years by
 * the profile's notation ("2008-2012" in calendar years).
 */
function readPeriod(values: Partial<Record<DocumentField, string>>, profile: PlanImportOptions['profile']): PlanMetadata['period'] {
  const raw = values.periodRaw
  if (values.firstYear && values.lastYear) return { ...(raw !== undefined ? { raw } : {}), firstYear: Number(values.firstYear), lastYear: Number(values.lastYear) }
  const years = raw === undefined ? undefined : parseYearSpec(raw, profile.yearScheme).value?.years
  if (!raw || !years || years.length === 0) return undefined
  return { raw, firstYear: Math.min(...years), lastYear: Math.max(...years) }
}

function localizeTitle(profile: PlanImportOptions['profile'], language: FormLanguage): string {
  return (language === 'en' ? profile.title.en : undefined) ?? profile.title.fr
}

/** Organisation names that match no participant and no partner group: findings with the closest candidates. */
function nameFindings(plan: PlanDocument, context: SheetContext): void {
  const index = buildNameIndex(plan.participants?.entries ?? [], context.profile.partnerGroups)
  visitPlan(plan, context.profile, {
    notation: (slot) => {
      if (slot.kind !== 'organisations') return
      const list = slot.stored as PlanDocument['axes'][number]['objectives'][number]['rows'][number]['responsible']
      for (const name of list?.value?.names ?? []) {
        if (name.ref || name.placeholder || name.open) continue
        const candidates = index.candidates(name.text)
        const place = context.places.get(slot.pointer) ?? {}
        const names = (language: 'fr' | 'en') => candidates.map((candidate) => (language === 'fr' ? `« ${candidate.name} »` : `“${candidate.name}”`)).join(', ')
        const [fr, en] =
          candidates.length === 0
            ? [`« ${name.text} » n’est ni un participant ni un groupe de partenaires du profil.`, `“${name.text}” is neither a participant nor a partner group of the profile.`]
            : [`« ${name.text} » ne désigne aucun participant avec certitude ; candidats : ${names('fr')}.`, `“${name.text}” does not name a participant for sure; candidates: ${names('en')}.`]
        context.report.issues.push({ ...issue(candidates.length === 0 ? 'unknown-organisation' : 'ambiguous-organisation', place, fr, en, 'warning'), pointer: slot.pointer })
      }
    },
  })
}

/** What the plan's schema and profile say of the imported plan (a value of the wrong shape, an id used twice). */
function validationFindings(plan: PlanDocument, context: SheetContext): void {
  const result = validatePlan(plan, { profiles: [context.profile] })
  if (result.ok) return
  for (const found of result.issues) {
    const place = found.pointer ? (context.places.get(found.pointer) ?? nearestPlace(context, found.pointer)) : {}
    context.report.issues.push({ ...issue(`invalid-${found.code}`, place, found.message.fr, found.message.en, 'warning'), ...(found.pointer ? { pointer: found.pointer } : {}) })
  }
}

function nearestPlace(context: SheetContext, pointer: string) {
  for (let at = pointer; at.includes('/'); at = at.slice(0, at.lastIndexOf('/'))) {
    const place = context.places.get(at)
    if (place) return place
  }
  return {}
}

function unplacedSheet(sheet: ExcelJS.Worksheet, report: ImportReport): void {
  let found = false
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const text = cellText(cell)
      if (text.trim() === '') return
      found = true
      report.unplaced.push({ place: { sheet: sheet.name, cell: cell.address }, text })
    }),
  )
  if (found) report.issues.push(issue('unknown-sheet', { sheet: sheet.name }, `La feuille « ${sheet.name} » n’est pas une feuille du formulaire : son contenu n’est pas importé.`, `Sheet “${sheet.name}” is not a sheet of the form: its content is not imported.`, 'warning'))
}
