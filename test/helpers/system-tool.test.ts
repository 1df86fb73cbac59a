import t from 'tap'
import { describeMissingTool, findTool, requireTool } from './system-tool.js'

t.test('finds a command on PATH and an absolute path, not a missing one', async t => {
  t.equal(findTool('node'), findTool(process.execPath))
  t.ok(findTool('node'))
  t.equal(findTool('atseq-no-such-tool'), undefined)
  t.equal(findTool('/atseq/no/such/tool'), undefined)
})

t.test('names the Debian package in the hint', async t => {
  t.equal(describeMissingTool('mosquitto_sub'), 'mosquitto_sub not installed: apt-get install mosquitto-clients')
  t.equal(describeMissingTool('socat'), 'socat not installed: apt-get install socat')
})

t.test('requireTool: present tool passes through untouched', async t => {
  t.equal(requireTool(t, 'node'), true)
})

t.test('requireTool: a missing tool skips locally and fails under CI=true', async t => {
  const saved = process.env.CI
  t.teardown(() => {
    if (saved === undefined) delete process.env.CI
    else process.env.CI = saved
  })
  const calls: string[] = []
  const fake = {
    fail: (message: string) => {
      calls.push(`fail: ${message}`)
    },
    skip: (message: string) => {
      calls.push(`skip: ${message}`)
      return Promise.resolve()
    },
  } as unknown as Parameters<typeof requireTool>[0]
  delete process.env.CI
  t.equal(requireTool(fake, 'atseq-no-such-tool'), false)
  process.env.CI = 'true'
  t.equal(requireTool(fake, 'atseq-no-such-tool'), false)
  t.same(calls, [
    'skip: atseq-no-such-tool not installed: apt-get install atseq-no-such-tool',
    'fail: atseq-no-such-tool not installed: apt-get install atseq-no-such-tool (CI=true: a missing tool fails the test)',
  ])
})
