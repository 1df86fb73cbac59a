/**
 * The certification suite against a real Mosquitto (plain TCP and TLS listeners) instead of the
 * embedded broker: the simulator's connections are pointed at it with --resolve rules, server-side
 * checks go through --broker, and its CA is the broker_ca var. Sequences tagged broker-config (users,
 * a mutual-TLS listener) need a broker set up for them and are excluded, as a lab would.
 */
import { join } from 'node:path'
import t from 'tap'
import { createTestCertificates } from '../../src/servers/broker/test-certificates.js'
import { runFiles } from '../../src/app/run-files.js'
import { startMosquitto } from '../helpers/mosquitto.js'
import { requireTool } from '../helpers/system-tool.js'
import { filesRunOptions } from '../helpers/run-options.js'

t.test('the suite passes on the simulator against Mosquitto over TCP and TLS', async t => {
  if (!requireTool(t, 'mosquitto')) return
  const mosquitto = await startMosquitto({ tls: true })
  t.teardown(() => mosquitto.stop())
  const otherAuthority = await createTestCertificates({ hostnames: ['localhost'] })
  const dir = t.testdir({})
  const result = await runFiles(
    ['sequences/simcom/mqtt/'],
    filesRunOptions(join(dir, 'reports'), text => t.comment(text), {
      // One device: the sequences' client IDs are fixed, and two modems with one ID on one broker take each other's session.
      devices: ['a=sim://simcom-a76xx'],
      vars: { broker_ca: mosquitto.ca!, wrong_ca: otherAuthority.ca },
      resolve: [`*:1883=127.0.0.1:${mosquitto.port}`, `*:8883=127.0.0.1:${mosquitto.tlsPort}`],
      brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}`,
      excludeTags: ['broker-config'],
    }),
  )
  const suite = result.suite!
  const problems = suite.runs
    .filter(run => run.status !== 'passed')
    .map(run => {
      const step = run.record?.steps.find(s => s.status !== 'passed' && s.status !== 'skipped')
      return `${run.device} ${run.sequence.file}: ${step ? `${step.no} ${step.reason}` : (run.reason ?? run.status)}`
    })
  t.equal(result.exitCode, 0, `${problems.join('\n')}\n${mosquitto.log().slice(-2000)}`)
  t.equal(suite.status, 'passed')
  const files = new Set(suite.runs.filter(run => run.role === 'sequence').map(run => run.sequence.file.replace(/^.*\//, '')))
  for (const file of [
    'tcp-publish-subscribe.yaml',
    'mqtts-not-verify-server.yaml',
    'tls-verify-server.yaml',
    'tls-wrong-ca.yaml',
    'will-on-connection-loss.yaml',
    'qos-receive.yaml',
  ]) {
    t.ok(files.has(file), `${file} ran against Mosquitto`)
  }
  t.notOk(files.has('user-password.yaml') || files.has('mutual-tls.yaml'), 'broker-config sequences are excluded')
  const notes = suite.runs.flatMap(run => run.record?.transcript.filter(entry => entry.dir === 'note').map(entry => entry.data) ?? [])
  t.notOk(
    notes.some(note => note.startsWith('embedded broker')),
    'no embedded broker was started',
  )
  t.match(mosquitto.log(), /New client connected/, 'the modems connected to Mosquitto')
})
