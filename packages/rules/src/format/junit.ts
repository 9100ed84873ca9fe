import type { Report } from '../engine/report.js'
import type { FormatOptions } from './options.js'

/** JUnit XML for CI dashboards: a suite per file and criterion, a failing case per rule with warnings or errors. */
export function formatJunit(reports: ReadonlyArray<{ file: string; report: Report }>, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'fr'
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const { file, report } of reports) {
    for (const criterion of report.criteria) {
      if (criterion.status === 'not_applicable') continue
      const findings = report.findings.filter((finding) => finding.criterion === criterion.id)
      const byRule = new Map<string, typeof findings>()
      for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding])
      const cases: string[] = []
      let suiteFailures = 0
      for (const [ruleId, ruleFindings] of byRule) {
        const failing = ruleFindings.filter((finding) => finding.severity !== 'info')
        const details = ruleFindings.map((finding) => `${finding.severity} ${finding.expected ?? finding.pointer} ${finding.label[locale]} — ${finding.message[locale]}`).join('\n')
        if (failing.length > 0) {
          suiteFailures++
          const type = failing.some((finding) => finding.severity === 'error') ? 'error' : 'warning'
          cases.push(`    <testcase classname="${attr(`${file}.${criterion.id}`)}" name="${attr(ruleId)}">\n      <failure type="${type}" message="${attr(failing[0]!.message[locale])}">${text(details)}</failure>\n    </testcase>`)
        } else {
          cases.push(`    <testcase classname="${attr(`${file}.${criterion.id}`)}" name="${attr(ruleId)}">\n      <system-out>${text(details)}</system-out>\n    </testcase>`)
        }
      }
      if (byRule.size === 0) cases.push(`    <testcase classname="${attr(`${file}.${criterion.id}`)}" name="${attr(criterion.id)}"/>`)
      tests += cases.length
      failures += suiteFailures
      suites.push(
        `  <testsuite name="${attr(`${file} — ${criterion.label[locale]}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
      )
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="demarche lint" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;')
}
