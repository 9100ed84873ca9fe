/** "20 Mio" / "20 MiB": sizes in messages, with a no-break space as French typography asks. */
export function sizeText(bytes: number, language: 'fr' | 'en'): string {
  const units = language === 'fr' ? ['o', 'Kio', 'Mio', 'Gio'] : ['B', 'KiB', 'MiB', 'GiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1)
  return `${language === 'fr' ? shown.replace('.', ',') : shown}\u00a0${units[unit]}`
}
