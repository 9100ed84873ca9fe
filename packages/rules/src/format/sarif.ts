import { type SourceRegion, sourceLocator } from '@demarche/domain'
import { ENGINE_NAME, ENGINE_VERSION } from '../engine/engine.js'
import type { Report } from '../engine/report.js'
import type { FindingSeverity } from '../engine/severity.js'
import { builtinRules } from '../rules/index.js'
import type { FormatOptions } from './options.js'

const LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }

/**
 * SARIF 2.1.0: one run per report, results located by file and by JSON Pointer (a logical location), and by
 * line and column (a region) when the file's text is given, so code-scanning views show the finding in place.
 */
export function formatSarif(reports: ReadonlyArray<{ file: string; report: Report; source?: string }>, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'fr'
  const known = new Map([...builtinRules, ...(options.rules ?? [])].map((rule) => [rule.id, rule]))
  const runs = reports.map(({ file, report, source }) => {
    const locate = source === undefined ? undefined : sourceLocator(source)
    const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort()
    return {
      tool: {
        driver: {
          name: ENGINE_NAME,
          version: ENGINE_VERSION,
          informationUri: INFORMATION_URI,
          rules: ruleIds.map((id) => {
            const rule = known.get(id)
            const descriptor: Record<string, unknown> = { id, name: ruleName(id) }
            if (rule) {
              descriptor.shortDescription = { text: rule.meta.docs[locale] }
              descriptor.fullDescription = { text: `${rule.meta.docs[locale]} ${rule.meta.serves[locale]}` }
              descriptor.properties = { criterion: rule.meta.criterion }
            }
            return descriptor
          }),
        },
      },
      automationDetails: { id: `${report.ruleSet.id}@${report.ruleSet.version}/${report.stage}` },
      results: report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        ruleIndex: ruleIds.indexOf(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: `${finding.label[locale]} — ${finding.message[locale]}${finding.suggestion ? ` (${finding.suggestion[locale]})` : ''}` },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: toUri(file) }, ...regionOf(locate?.(finding.pointer)) },
            logicalLocations: [{ fullyQualifiedName: finding.expected ?? finding.pointer, name: finding.label[locale], kind: 'object' }],
          },
        ],
        partialFingerprints: { findingId: finding.id },
        properties: { criterion: finding.criterion, messageId: finding.messageId, pointer: finding.pointer },
      })),
      properties: { score: report.score, planHash: report.plan.hash, profile: report.profile },
    }
  })
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, null, 2) + '\n'
}

function regionOf(region: SourceRegion | undefined): { region?: SourceRegion } {
  return region ? { region } : {}
}

/** Where a SARIF viewer sends people to learn about the tool. */
const INFORMATION_URI = 'https://www.npmjs.com/package/@demarche/rules'

/** SARIF's rule `name` is an identifier in PascalCase, distinct from the id: "schedule-within-period" → "ScheduleWithinPeriod". */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}
