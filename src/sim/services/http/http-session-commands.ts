/** The HTTP(S) session and what a request is built from: AT+HTTPINIT, AT+HTTPTERM, AT+HTTPPARA, AT+HTTPDATA (`DOWNLOAD`). */
import { hasArgCount, readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { createHttpParams, type HttpParams } from './http-state.js'
import { MAX_URL_CHARS, readHttpTarget } from './http-url.js'

/** AT+HTTPDATA's `<size>` (the module's request buffer) and `<time>` (seconds) ranges. */
export const HTTP_DATA_LIMITS = { bytes: { min: 1, max: 153_600 }, timeS: { min: 1, max: 65_535 } }

type NumericKey = 'connectTimeoutS' | 'receiveTimeoutS' | 'responseTimeoutS' | 'sslContext' | 'readMode' | 'breakStart' | 'breakEnd'
type TextKey = 'url' | 'contentType' | 'accept'

const NUMERIC_PARAMS: ReadonlyMap<string, { key: NumericKey; min: number; max: number }> = new Map([
  ['CONNECTTO', { key: 'connectTimeoutS', min: 20, max: 120 }],
  ['RECVTO', { key: 'receiveTimeoutS', min: 2, max: 120 }],
  ['RESPTO', { key: 'responseTimeoutS', min: 2, max: 120 }],
  ['SSLCFG', { key: 'sslContext', min: 0, max: 9 }],
  ['READMODE', { key: 'readMode', min: 0, max: 1 }],
  ['BREAK', { key: 'breakStart', min: 0, max: 2 ** 31 - 1 }],
  ['BREAKEND', { key: 'breakEnd', min: 0, max: 2 ** 31 - 1 }],
])

const TEXT_PARAMS: ReadonlyMap<string, TextKey> = new Map([
  ['URL', 'url'],
  ['CONTENT', 'contentType'],
  ['ACCEPT', 'accept'],
])

/** Starts the session; the module needs the network (it activates the PDP context itself) and one session at a time. */
function startSession(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || ctx.state.http !== undefined || !ctx.state.networkUp) return replyError()
  ctx.state.http = { params: createHttpParams() }
  return replyOk()
}

/** Ends the session; a request still in flight is dropped without its `+HTTPACTION`. */
function stopSession(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const session = ctx.state.http
  if (cmd.form !== 'exec' || session === undefined) return replyError()
  session.pending?.cancel()
  ctx.state.http = undefined
  return replyOk()
}

function setParameter(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const session = ctx.state.http
  const name = readString(cmd, 0)?.toUpperCase()
  if (cmd.form !== 'write' || session === undefined || name === undefined || !hasArgCount(cmd, 2, 2)) return replyError()
  const value = cmd.args[1]?.text ?? ''
  const numeric = NUMERIC_PARAMS.get(name)
  if (numeric !== undefined) return setNumeric(session.params, numeric, value)
  if (name === 'USERDATA') {
    // Several header lines are separated by `\r\n`, typed as those four characters or sent as CR LF.
    session.params.userData = value.split(/\\r\\n|\r\n/).filter(line => line !== '')
    return replyOk()
  }
  const key = TEXT_PARAMS.get(name)
  if (key === undefined) return replyError()
  if (key === 'url' && (value.length > MAX_URL_CHARS || readHttpTarget(value) === undefined)) return replyError()
  session.params[key] = value
  return replyOk()
}

/** Numbers are taken quoted or not: host libraries write `"SSLCFG","0"` as often as `"SSLCFG",0`. */
function setNumeric(params: HttpParams, spec: { key: NumericKey; min: number; max: number }, text: string): Reply {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN
  if (!(value >= spec.min && value <= spec.max)) return replyError()
  if (spec.key === 'readMode') params.readMode = value === 1 ? 1 : 0
  else params[spec.key] = value
  return replyOk()
}

/** `DOWNLOAD`, then exactly `<size>` bytes within `<time>` seconds; they are the body of the next POST or PUT. */
function downloadData(cmd: AtCommand, ctx: CommandContext): Reply {
  const { bytes, timeS } = HTTP_DATA_LIMITS
  if (cmd.form === 'test') return replyOk(`+HTTPDATA: (${bytes.min}-${bytes.max}),(${timeS.min}-${timeS.max})`)
  const session = ctx.state.http
  const size = readInt(cmd, 0, bytes.min, bytes.max)
  const seconds = readInt(cmd, 1, timeS.min, timeS.max)
  if (cmd.form !== 'write' || session === undefined || size === undefined || seconds === undefined || cmd.args.length !== 2) {
    return replyError()
  }
  const accept = (data: Buffer): Reply => {
    if (ctx.state.http === session) session.body = Buffer.from(data)
    return replyOk()
  }
  return replyPrompt(size, accept, { text: '\r\nDOWNLOAD\r\n', timeoutMs: seconds * 1000 })
}

export const HTTP_SESSION_HANDLERS: HandlerTable = {
  '+HTTPINIT': startSession,
  '+HTTPTERM': stopSession,
  '+HTTPPARA': setParameter,
  '+HTTPDATA': downloadData,
}
