import t from 'tap'
import { withYamlDebugEnv } from '../../src/sequence/yaml-debug-env.js'

t.test('inside, the debug variables keep their values and every other variable reads through', async t => {
  const real = process.env
  real['ATSEQ_ENV_PROBE'] = 'probe'
  real['LOG_TOKENS'] = ''
  t.teardown(() => {
    delete real['ATSEQ_ENV_PROBE']
    delete real['LOG_TOKENS']
  })
  const seen = withYamlDebugEnv(() => ({
    replaced: process.env !== real,
    probe: process.env['ATSEQ_ENV_PROBE'],
    logTokens: process.env['LOG_TOKENS'],
    logStream: process.env['LOG_STREAM'],
    hasPath: 'PATH' in process.env,
  }))
  t.same(seen, { replaced: true, probe: 'probe', logTokens: '', logStream: real['LOG_STREAM'], hasPath: 'PATH' in real })
  t.equal(process.env, real, 'the real environment is back')
})

t.test('the real environment is back when the parse throws', async t => {
  const real = process.env
  t.throws(
    () =>
      withYamlDebugEnv(() => {
        throw new Error('parse failed')
      }),
    /parse failed/,
  )
  t.equal(process.env, real)
})
