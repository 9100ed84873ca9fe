import { describe, expect, it } from 'vitest'
import { planDocx } from './docx/plan.js'
import { createContext } from './context.js'
import { seeds } from './test-support.js'
import { planXlsx } from './xlsx/plan.js'

/** The DOS date and time of every entry, read from the central directory: [year, month, day, hour, minute, second]. */
function entryDates(zip: Uint8Array): number[][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (view.getUint32(end, true) !== 0x06054b50) end--
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const dates: number[][] = []
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50)
    const time = view.getUint16(offset + 12, true)
    const date = view.getUint16(offset + 14, true)
    dates.push([1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2])
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return dates
}

describe.each([
  ['DOCX', planDocx],
  ['XLSX', planXlsx],
])('the entries of a %s', (_, render) => {
  const plan = seeds.crevale2021()
  const at = (iso: string) => render(plan, createContext(plan, { clock: () => new Date(iso) }))

  it('are dated by the clock, in UTC whatever the time zone', async () => {
    const dates = entryDates(await at('2026-11-23T12:34:56Z'))
    expect(dates.length).toBeGreaterThan(3)
    for (const date of dates) expect(date).toEqual([2026, 11, 23, 12, 34, 56])
  }, 30_000)

  it('are dated 1 January 1980, the first DOS date, when the clock is earlier', async () => {
    for (const date of entryDates(await at('1970-01-01T00:00:00Z'))) expect(date).toEqual([1980, 1, 1, 0, 0, 0])
  }, 30_000)
})
