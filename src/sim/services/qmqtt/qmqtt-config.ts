/**
 * AT+QMTCFG: one client's settings, key by key. `AT+QMTCFG="<key>",<idx>` reads a key
 * (`+QMTCFG: "<key>",<values>` then OK), `AT+QMTCFG="<key>",<idx>,<values>` writes it.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import type { QmtConfig, QoS } from './qmqtt-state.js'

/** Reads a key's values as they follow `+QMTCFG: "<key>",`. */
type ShowKey = (config: QmtConfig) => string
/** Writes a key from the parameters after the client index; false when they are not valid. */
type SetKey = (config: QmtConfig, cmd: AtCommand, ctx: CommandContext) => boolean

interface ConfigKey {
  show: ShowKey
  set: SetKey
  /** The test form's ranges after the key and the client range. */
  ranges: string
}

/** Parameter `index` as an integer in min..max, when present; `fallback` when absent. */
function readValue(cmd: AtCommand, index: number, min: number, max: number, fallback?: number): number | undefined {
  if (cmd.args[index] === undefined) return fallback
  return readInt(cmd, index, min, max)
}

function setVersion(config: QmtConfig, cmd: AtCommand): boolean {
  const version = readInt(cmd, 2, 3, 4)
  if (version === undefined || cmd.args.length !== 3) return false
  config.version = version as 3 | 4
  return true
}

function setPdpCid(config: QmtConfig, cmd: AtCommand, ctx: CommandContext): boolean {
  const cid = readInt(cmd, 2, 1, readTraits(ctx.profile).tcpip.contexts)
  if (cid === undefined || cmd.args.length !== 3) return false
  config.pdpCid = cid
  return true
}

function setSsl(config: QmtConfig, cmd: AtCommand, ctx: CommandContext): boolean {
  const enabled = readInt(cmd, 2, 0, 1)
  const context = readValue(cmd, 3, 0, ctx.profile.limits.sslContexts - 1, config.ssl.context)
  if (enabled === undefined || context === undefined || cmd.args.length > 4) return false
  config.ssl = { enabled: enabled === 1, context }
  return true
}

function setKeepalive(config: QmtConfig, cmd: AtCommand, ctx: CommandContext): boolean {
  const { min, max } = ctx.profile.limits.keepaliveS
  const keepaliveS = readInt(cmd, 2, min, max)
  if (keepaliveS === undefined || cmd.args.length !== 3) return false
  config.keepaliveS = keepaliveS
  return true
}

function setSession(config: QmtConfig, cmd: AtCommand): boolean {
  const clean = readInt(cmd, 2, 0, 1)
  if (clean === undefined || cmd.args.length !== 3) return false
  config.clean = clean === 1
  return true
}

function setTimeout(config: QmtConfig, cmd: AtCommand): boolean {
  const packetS = readInt(cmd, 2, 1, 60)
  const retries = readValue(cmd, 3, 0, 10, config.timeout.retries)
  const notice = readValue(cmd, 4, 0, 1, config.timeout.notice ? 1 : 0)
  if (packetS === undefined || retries === undefined || notice === undefined || cmd.args.length > 5) return false
  config.timeout = { packetS, retries, notice: notice === 1 }
  return true
}

/** `"will",<idx>,0` clears the will; `"will",<idx>,1,<qos>,<retain>,"<topic>","<msg>"` sets it. */
function setWill(config: QmtConfig, cmd: AtCommand, ctx: CommandContext): boolean {
  const flag = readInt(cmd, 2, 0, 1)
  if (flag === 0 && cmd.args.length === 3) {
    delete config.will
    return true
  }
  const qos = readInt(cmd, 3, 0, 2)
  const retain = readInt(cmd, 4, 0, 1)
  const topic = readString(cmd, 5)
  const message = readString(cmd, 6)
  const maxBytes = readTraits(ctx.profile).mqtt.willBytes
  const fits = (text: string | undefined): text is string => text !== undefined && Buffer.byteLength(text) <= maxBytes
  if (flag !== 1 || qos === undefined || retain === undefined || !fits(topic) || topic === '' || !fits(message)) return false
  if (cmd.args.length !== 7) return false
  config.will = { qos: qos as QoS, retain: retain === 1, topic, message }
  return true
}

function setRecvMode(config: QmtConfig, cmd: AtCommand, ctx: CommandContext): boolean {
  const buffered = readInt(cmd, 2, 0, 1)
  const maxArgs = readTraits(ctx.profile).mqtt.recvLengthOption ? 4 : 3
  const withLength = readValue(cmd, 3, 0, 1, config.recv.withLength ? 1 : 0)
  if (buffered === undefined || withLength === undefined || cmd.args.length > maxArgs) return false
  config.recv = { buffered: buffered === 1, withLength: withLength === 1 }
  return true
}

function showWill(config: QmtConfig): string {
  const will = config.will
  return will === undefined ? '0' : `1,${will.qos},${will.retain ? 1 : 0},"${will.topic}","${will.message}"`
}

const KEYS: ReadonlyMap<string, ConfigKey> = new Map<string, ConfigKey>([
  ['version', { show: c => String(c.version), set: setVersion, ranges: '(3,4)' }],
  ['pdpcid', { show: c => String(c.pdpCid), set: setPdpCid, ranges: '(1-16)' }],
  ['ssl', { show: c => `${c.ssl.enabled ? 1 : 0},${c.ssl.context}`, set: setSsl, ranges: '(0,1),(0-5)' }],
  ['keepalive', { show: c => String(c.keepaliveS), set: setKeepalive, ranges: '(0-3600)' }],
  ['session', { show: c => (c.clean ? '1' : '0'), set: setSession, ranges: '(0,1)' }],
  [
    'timeout',
    {
      show: c => `${c.timeout.packetS},${c.timeout.retries},${c.timeout.notice ? 1 : 0}`,
      set: setTimeout,
      ranges: '(1-60),(0-10),(0,1)',
    },
  ],
  ['will', { show: showWill, set: setWill, ranges: '(0,1),(0-2),(0,1),"will_topic","will_msg"' }],
  ['recv/mode', { show: c => `${c.recv.buffered ? 1 : 0},${c.recv.withLength ? 1 : 0}`, set: setRecvMode, ranges: '(0,1),(0,1)' }],
])

function configureClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const clients = ctx.state.qmtConfigs.length
  if (cmd.form === 'test') return replyOk(...[...KEYS].map(([name, key]) => `+QMTCFG: "${name}",(0-${clients - 1}),${key.ranges}`))
  const name = readString(cmd, 0)?.toLowerCase()
  const key = name === undefined ? undefined : KEYS.get(name)
  const idx = readInt(cmd, 1, 0, clients - 1)
  const config = idx === undefined ? undefined : ctx.state.qmtConfigs[idx]
  if (cmd.form !== 'write' || key === undefined || config === undefined) return replyError()
  if (cmd.args.length === 2) return replyOk(`+QMTCFG: "${name}",${key.show(config)}`)
  return key.set(config, cmd, ctx) ? replyOk() : replyError()
}

export const QMQTT_CONFIG_HANDLERS: HandlerTable = {
  '+QMTCFG': configureClient,
}
