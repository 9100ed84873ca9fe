import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Format libraries stay external: the embedder's package manager shares them with the render package.
  external: ['fflate', 'fast-xml-parser', 'exceljs'],
})
