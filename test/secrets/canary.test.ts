import t from 'tap'
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startBroker } from '../../src/servers/broker/embedded-broker.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { serveScriptedModem } from '../helpers/serve-scripted-modem.js'

const root = resolve(import.meta.dirname, '../..')

/** One distinct canary per kind of secret or identifier; none may appear anywhere atseq writes. */
const CANARY = {
  fileSecret: 'CANARYFILESECRETA1',
  listedSecret: 'CANARYLISTEDSECRETB2',
  envValue: 'CANARYENVVALUEC3',
  cliSecretVar: 'CANARYCLIVARD4',
  capturedSecret: 'CANARYCAPTUREDE5',
  mqttUser: 'CANARYMQTTUSERF6',
  mqttPassword: 'CANARYMQTTPASSG7',
  sslKeyPassword: 'CANARYKEYPASSH8',
  keyFirstHalf: 'CANARYKEYPARTONEJ9',
  keySecondHalf: 'CANARYKEYPARTTWOK1',
  brokerUser: 'CANARYBROKERUSERL2',
  brokerPassword: 'CANARYBROKERPASSM3',
  deviceUser: 'CANARYDEVUSERN4',
  devicePassword: 'CANARYDEVPASSP5',
  recordPassword: 'CANARYRECORDPASSQ6',
  imei: '861111111111119',
  imei14: '86222222222222',
  imeisv: '8633333333333333',
  imsi: '460044444444444',
  iccid: '89860055555555555555',
  msisdn: '+4917066666666',
} as const

const SEQUENCE = `sequence: canary
device: simcom-a76xx
vars:
  file_secret: { value: "${CANARY.fileSecret}", secret: true }
  listed: "${CANARY.listedSecret}"
secrets: [listed]
steps:
  - send: AT+PW="{{file_secret}}"
  - send: AT+LISTED={{quote listed}}
  - send: AT+FORMS="{{hex file_secret}}","{{upper listed}}","{{lower file_secret}}","{{hex listed}}"
  - send: AT+ENV="{{env.ATSEQ_CANARY_ENV}}"
  - send: AT+CLI="{{apn_user}}"
  - send: AT+TOKEN
    expect: ["/^\\\\+TOKEN: (?<session>\\\\S+)$/", OK]
  - send: AT+USE="{{session}}"
  - send: AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1,"${CANARY.mqttUser}","${CANARY.mqttPassword}"
  - send: AT+CSSLCFG="password",0,"${CANARY.sslKeyPassword}"
  - no: "10"
    send: AT+CCERTDOWN="k.pem",120
    expect: ">"
  - no: "10.1"
    data: "-----BEGIN PRIVATE KEY-----\\n${CANARY.keyFirstHalf}AAAAAAAAAAAAAAAA\\n"
    expect: ">"
  - no: "10.2"
    data: "BBBBBBBBBBBBBBBB${CANARY.keySecondHalf}\\n-----END PRIVATE KEY-----\\n"
  - send: AT+CIMI
  - send: AT+CICCID
  - send: AT+CNUM
  - send: AT+IDS
`

function createModem(): ScriptedPeer {
  const ok = '\r\nOK\r\n'
  return new ScriptedPeer({ echo: true })
    .on('ATI\r', `\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: A7670E\r\n${ok}`)
    .on('AT+CGMR\r', `\r\n+CGMR: A7670M7_V1.0\r\n${ok}`)
    .on('AT+CGSN\r', `\r\n${CANARY.imei}\r\n${ok}`)
    .on('AT+TOKEN\r', `\r\n+TOKEN: ${CANARY.capturedSecret}\r\n${ok}`)
    .on('AT+CCERTDOWN="k.pem",120\r', '\r\n>')
    .on(`AAAAAAAA\n`, '\r\n>')
    .on('-----END PRIVATE KEY-----\n', ok)
    .on('AT+CIMI\r', `\r\n${CANARY.imsi}\r\n${ok}`)
    .on('AT+CICCID\r', `\r\n+ICCID: ${CANARY.iccid}\r\n${ok}`)
    .on('AT+CNUM\r', `\r\n+CNUM: "","${CANARY.msisdn}",145\r\n${ok}`)
    .on('AT+IDS\r', `\r\n${CANARY.imei14}\r\n${CANARY.imeisv}\r\n\x1b[2J\x07${ok}`)
    .on(/AT\+[A-Z]+=[^\r]*\r/, ok)
}

interface Output {
  command: string
  stdout: string
  stderr: string
}

function atseq(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Output> {
  return new Promise(resolvePromise => {
    execFile(
      process.execPath,
      ['dist/cli/main.js', ...args],
      { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env, NO_COLOR: '1' } },
      (_error, stdout, stderr) => resolvePromise({ command: args.slice(0, 2).join(' '), stdout, stderr }),
    )
  })
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/** Each canary as written, as hex (both cases) and upper-case. */
function formsOf(canary: string): string[] {
  const hex = Buffer.from(canary, 'utf8').toString('hex')
  return [...new Set([canary, hex, hex.toUpperCase(), canary.toUpperCase()])]
}

t.test('no canary of any kind reaches any byte atseq writes, files or console', async t => {
  const dir = t.testdir({})
  const port = await serveScriptedModem(t, createModem)
  const broker = await startBroker({ users: { [CANARY.brokerUser]: CANARY.brokerPassword } })
  t.teardown(() => broker.close())
  const sequenceFile = join(dir, 'canary.yaml')
  writeFileSync(sequenceFile, SEQUENCE)
  const device = `tcp://${CANARY.deviceUser}:${CANARY.devicePassword}@127.0.0.1:${port}`
  const shared = [
    '--broker',
    `mqtt://${CANARY.brokerUser}:${CANARY.brokerPassword}@127.0.0.1:${broker.tcpPort}`,
    '--secret-var',
    `apn_user=${CANARY.cliSecretVar}`,
    '--secret',
    'session',
    '--format',
    'html,junit,json',
  ]
  const env = { ATSEQ_CANARY_ENV: CANARY.envValue }
  const outputs: Output[] = []
  const run = async (args: string[]): Promise<Output> => {
    const output = await atseq(args, env)
    outputs.push(output)
    return output
  }
  const first = await run(['run', '--device', device, ...shared, '--report-dir', join(dir, 'run1'), sequenceFile])
  t.match(first.stdout, /PASSED/, 'the canary sequence passes')
  await run(['run', '--device', device, ...shared, '--report-dir', join(dir, 'run2'), sequenceFile])
  await run(['run', '-d', `a=${device}`, '-d', `b=${device}`, ...shared, '--report-dir', join(dir, 'suite'), sequenceFile])
  await run(['merge', join(dir, 'suite', 'suite.json'), '--report-dir', join(dir, 'merged')])
  const json = (sub: string): string => listFiles(join(dir, sub)).find(p => p.endsWith('.json')) ?? ''
  await run(['diff', json('run1'), json('run2'), '--html', join(dir, 'diff.html')])
  const replay = await run([
    'run',
    '--device',
    `replay://${json('run1')}`,
    '--fast',
    ...shared,
    '--report-dir',
    join(dir, 'replay'),
    sequenceFile,
  ])
  t.match(replay.stdout, /PASSED/, 'the masked record replays green')
  const script = join(dir, 'script.txt')
  writeFileSync(script, `ATI\nAT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1,"u","${CANARY.recordPassword}"\nAT+CGSN\n`)
  await run(['record', '--device', device, '--script', script, '-o', join(dir, 'draft.yaml'), '--session', join(dir, 'session.json')])

  const written = listFiles(dir).filter(path => path !== sequenceFile && path !== script)
  t.ok(
    written.some(p => p.endsWith('index.html')) &&
      written.some(p => p.endsWith('diff.html')) &&
      written.some(p => p.endsWith('draft.yaml')),
  )
  const texts = [
    ...written.map(path => ({ where: path.slice(dir.length), text: readFileSync(path, 'latin1') })),
    ...outputs.flatMap(o => [
      { where: `${o.command} stdout`, text: o.stdout },
      { where: `${o.command} stderr`, text: o.stderr },
    ]),
  ]
  const hits: string[] = []
  for (const [kind, canary] of Object.entries(CANARY)) {
    for (const form of formsOf(canary)) {
      for (const { where, text } of texts) if (text.includes(form)) hits.push(`${kind} (${form}) in ${where}`)
    }
  }
  t.same(hits, [], 'no canary in clear, hex or upper case')
})
