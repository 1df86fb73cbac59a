/**
 * libgammu through its Python binding (Debian's python3-gammu) reads what the gammu command line cannot on SIMCom
 * modules: `gammu monitor` stops at SIMCom's voltage-only AT+CBC answer before it asks for the signal, while the
 * library's GetSignalQuality sends AT+CSQ on its own. Identity, network and signal of both SIMCom profiles through a
 * pty, the signal changed by the test so a fixed answer cannot pass. Loopback only; under CI=true a missing
 * python3-gammu fails the test.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { requireTool } from '../../../helpers/system-tool.js'
import { startRig } from './gammu-rig.js'

// Debian's python3-gammu installs for the system interpreter, which a user's PATH may hide behind another one.
const PYTHON = '/usr/bin/python3'
const PROBE = fileURLToPath(new URL('gammu-probe.py', import.meta.url))

interface Probe {
  manufacturer: string
  model: string
  firmware: string
  imei: string
  network_state: string
  network_code: string
  signal_strength: number
  signal_percent: number
  bit_error_rate: number
}

function runProbe(device: string): Promise<{ probe?: Probe; output: string }> {
  return new Promise(resolve =>
    execFile(PYTHON, [PROBE, device], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error !== null) return resolve({ output: `${stdout}${stderr}` })
      resolve({ probe: JSON.parse(stdout) as Probe, output: stdout })
    }),
  )
}

/** True when python3-gammu can be imported; otherwise fails the test under CI=true, or skips it with a hint. */
function requirePythonGammu(t: Test): Promise<boolean> {
  return new Promise(resolve =>
    execFile(PYTHON, ['-c', 'import gammu'], error => {
      if (error === null) return resolve(true)
      const reason = 'python3-gammu not installed: apt-get install python3-gammu'
      if (process.env.CI === 'true') t.fail(`${reason} (CI=true: a missing tool fails the test)`)
      else void t.skip(reason, () => {})
      resolve(false)
    }),
  )
}

for (const [profile, model] of [
  ['simcom-a76xx', 'A7670E-LASE'],
  ['simcom-sim7600', 'SIMCOM_SIM7600E-H'],
] as const) {
  t.test(`python-gammu reads identity, network and signal of ${profile}`, async t => {
    if (!requireTool(t, 'socat') || !(await requirePythonGammu(t))) return
    const rig = await startRig(t, profile)
    const first = await runProbe(rig.device)
    t.ok(first.probe, first.output)
    if (first.probe === undefined) return
    t.equal(first.probe.manufacturer, 'SIMCOM INCORPORATED')
    t.match(first.probe.model, model)
    t.match(first.probe.firmware, /\S/)
    t.match(first.probe.imei, /^\d{15}$/)
    t.equal(first.probe.network_state, 'HomeNetwork')
    // 27.007: rssi 23 is -113 + 2 * 23 dBm
    t.equal(first.probe.signal_strength, -67)
    rig.modem().setSignal(10, 3)
    const second = await runProbe(rig.device)
    t.equal(second.probe?.signal_strength, -93, 'the signal the modem has now, not a fixed answer')
  })
}
