/**
 * The rig for Debian's gammu, a host tool atseq did not write, against the simulated modem through a pty (socat): identity,
 * network, signal, sending, and reading and deleting messages the network delivered. The modem runs in this
 * process so the test can deliver messages; everything stays on 127.0.0.1. Under CI=true a missing gammu or
 * socat fails the test.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { startPtyBridge } from '../../../../src/sim/pty-bridge.js'
import { serveSimOverTcp } from '../../../../src/sim/serve-tcp.js'
import { SimModem } from '../../../../src/sim/sim-modem.js'
import { findTool, requireTool } from '../../../helpers/system-tool.js'

const GAMMU_TIMEOUT_MS = 30_000

export interface GammuRig {
  modem: () => SimModem
  /** The pty the modem is served on. */
  device: string
  sent: Array<{ to: string; text: string }>
  /** Runs `gammu <args>` and resolves with its output; every command it wrote to the modem is added to `commands`. */
  gammu(...args: string[]): Promise<string>
  /** Like gammu, for a run that may end in failure: its output and exit code. */
  gammuEnding(...args: string[]): Promise<{ output: string; code: number }>
  commands: Set<string>
}

/** The simulated modem on 127.0.0.1 behind a pty, and gammu configured for it (AT connection). */
export async function startRig(t: Test, profile: string): Promise<GammuRig> {
  let current: SimModem | undefined
  const sent: GammuRig['sent'] = []
  const server = await serveSimOverTcp({
    listen: 'tcp://127.0.0.1:0',
    createModem: () => {
      current = new SimModem({ profile })
      current.onSmsSent(sms => sent.push({ to: sms.to, text: sms.text }))
      return current
    },
  })
  t.teardown(() => server.close())
  const bridge = await startPtyBridge('127.0.0.1', server.port)
  if (!bridge.ok) throw new Error(bridge.hint)
  t.teardown(() => bridge.bridge.stop())
  const dir = await mkdtemp(join(tmpdir(), 'atseq-gammu-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const logFile = join(dir, 'gammu.log')
  const rc = join(dir, 'gammurc')
  await writeFile(rc, `[gammu]\ndevice = ${bridge.bridge.path}\nconnection = at\nlogfile = ${logFile}\nlogformat = textall\n`)
  const commands = new Set<string>()
  const gammuEnding = async (...args: string[]): Promise<{ output: string; code: number }> => {
    const startedMs = Date.now()
    const ended = await new Promise<{ output: string; code: number }>(resolve =>
      execFile(
        findTool('gammu')!,
        ['-c', rc, ...args],
        { timeout: GAMMU_TIMEOUT_MS, env: { ...process.env, HOME: dir } },
        (error, stdout, stderr) =>
          resolve({ output: stdout + stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1 }),
      ),
    )
    // gammu's log lists each command it wrote as `1 "<command>"`
    for (const match of (await readFile(logFile, 'latin1')).matchAll(/^1 "(.*)"$/gm)) commands.add(match[1] ?? '')
    t.comment(`gammu ${args.join(' ')}: ${Date.now() - startedMs} ms`)
    return ended
  }
  const gammu = async (...args: string[]): Promise<string> => {
    const { output, code } = await gammuEnding(...args)
    if (code !== 0) throw new Error(`gammu ${args.join(' ')} ended with ${code}:\n${output}`)
    return output
  }
  return { modem: () => current!, device: bridge.bridge.path, sent, gammu, gammuEnding, commands }
}

/** Drives gammu through identify, networkinfo, monitor, sendsms, getallsms, getsms and deletesms. */
export async function checkGammuAgainst(t: Test, profile: string): Promise<void> {
  {
    if (!requireTool(t, 'gammu') || !requireTool(t, 'socat')) return
    const rig = await startRig(t, profile)
    const model = profile === 'simcom-a76xx' ? 'A7670E-LASE' : 'SIMCOM_SIM7600E-H'
    const identify = await rig.gammu('identify')
    t.match(identify, /Manufacturer\s+: SIMCOM INCORPORATED/)
    t.match(identify, new RegExp(`Model\\s+: .*${model}`))
    t.match(identify, /Firmware\s+: \S+/)
    t.match(identify, /IMEI\s+: \d{15}/)
    t.match(await rig.gammu('networkinfo'), /Network state\s+: home network/)
    // SIMCom answers AT+CBC with the supply voltage (`+CBC: 3.900V`), not 27.007's `<bcs>,<bcl>`. gammu's +CBC
    // parser takes only `+CBC: <int>, <int>` (with or without a third field) or `<int>, <int>`, so the answer is an
    // unknown response, and monitor's loop ends on that error before it asks for the signal, as it does on the
    // modules. gammu's command line reads the signal nowhere else; sms-gammu-quectel.test.ts reads it from a
    // Quectel profile, whose AT+CBC is in 27.007's form.
    const monitor = await rig.gammuEnding('monitor', '1')
    t.match(monitor.output, /Enabling info about incoming SMS\s+: No error/)
    t.match(monitor.output, /Enabling info about calls\s+: No error/)
    t.match(monitor.output, /SIM phonebook\s+: +0 used, 250 free/)
    t.match(monitor.output, /Unknown response from phone/)
    t.notMatch(monitor.output, /Unknown error/, 'every other command gammu sends is answered as the module does')
    t.ok(rig.commands.has('AT+CBC'))
    t.not(monitor.code, 0)
    t.match(await rig.gammu('sendsms', 'TEXT', '+491701234567', '-text', 'hi'), /message reference=0/)
    t.same(rig.sent, [{ to: '+491701234567', text: 'hi' }])
    rig.modem().deliverSms('+491709876543', 'first message')
    rig.modem().deliverSms('+4930123456', 'second one')
    const all = await rig.gammu('getallsms')
    t.match(all, /first message/)
    t.match(all, /second one/)
    t.match(all, /2 SMS parts in 2 SMS sequences/)
    const one = await rig.gammu('getsms', '1', '1')
    t.match(one, /\+491709876543/)
    t.match(one, /first message/)
    await rig.gammu('deletesms', '1', '1')
    const rest = await rig.gammu('getallsms')
    t.notMatch(rest, /first message/)
    t.match(rest, /1 SMS parts in 1 SMS sequences/)
    t.comment(`gammu sent: ${[...rig.commands].join(' | ')}`)
  }
}
