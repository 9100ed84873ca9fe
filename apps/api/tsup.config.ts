import { defineConfig } from 'tsup'

export default defineConfig({
  // The worker thread's module is an entry of its own: the pool loads dist/workers/tasks.js by its path.
  entry: { server: 'src/server.ts', 'keys-cli': 'src/keys-cli.ts', index: 'src/index.ts', 'workers/tasks': 'src/workers/tasks.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
})
