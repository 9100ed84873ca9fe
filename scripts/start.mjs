// `pnpm start`: bring the service's build up to date, quietly, then run it in this process.
// Turbo's banner and task summary are kept back and shown only when the build fails, so that what the
// operator reads is the service's own output: its addresses and keys, then its log. package.json runs it
// with `exec`, so that pnpm waits on this process itself and Ctrl-C ends with the service's exit code (0),
// not pnpm's ELIFECYCLE line.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@demarche/api...', '--output-logs=errors-only'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, TURBO_NO_UPDATE_NOTIFIER: '1' },
})
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? '')
  process.stderr.write(build.stderr ?? '')
  process.stderr.write(build.error ? `${build.error.message}\n` : '')
  process.stderr.write('La construction du service a échoué ; voir ci-dessus. / Building the service failed; see above.\n')
  process.exit(build.status ?? 1)
}
await import('../apps/api/dist/server.js')
