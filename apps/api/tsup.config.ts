import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/server.ts', 'src/keys-cli.ts', 'src/index.ts'],
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
})
