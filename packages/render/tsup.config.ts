import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/docx.ts', 'src/xlsx.ts', 'src/pdf.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Heavy format libraries stay external: an embedder pays only for the subpaths it imports.
  external: ['docx', 'exceljs', 'pdfkit', 'fflate', 'dejavu-fonts-ttf', 'playwright-core'],
})
