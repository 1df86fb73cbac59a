/** Checks and answers shared by the AT+CMQTT* handlers. */
import { isUtf8 } from 'node:buffer'
import { hasArgCount, readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext } from '../../command-context.js'
import type { MqttClientSlot } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { replyError, replyPrompt, type Reply } from '../../reply.js'

/** The CMQTT rejection: `+CMQTTxxx: <idx>,<err>` then `ERROR`. */
export function replyRejected(name: string, idx: number, code: number): Reply {
  return replyError(`${name}: ${idx},${code}`)
}

export type ClientLookup = { ok: true; idx: number; slot: MqttClientSlot } | { ok: false; reply: Reply }

/** The client index in parameter 0 must be in range (else 10) and acquired (else 20); a non-number is a syntax ERROR. */
export function findAcquiredClient(cmd: AtCommand, ctx: CommandContext): ClientLookup {
  const idx = readInt(cmd, 0, 0, 255)
  if (cmd.form !== 'write' || idx === undefined) return { ok: false, reply: replyError() }
  if (idx >= ctx.state.clients.length) return { ok: false, reply: replyRejected(cmd.name, idx, MQTT_ERR.clientIndexError) }
  const slot = ctx.state.clients[idx]
  if (slot === undefined) return { ok: false, reply: replyRejected(cmd.name, idx, MQTT_ERR.clientNotAcquired) }
  return { ok: true, idx, slot }
}

/** Reads the request length in parameter `index`: undefined for a syntax error, 'out-of-range' outside min..max. */
export function readLength(cmd: AtCommand, index: number, range: { min: number; max: number }): number | 'out-of-range' | undefined {
  const value = readInt(cmd, index, 0, Number.MAX_SAFE_INTEGER)
  if (value === undefined) return undefined
  return value < range.min || value > range.max ? 'out-of-range' : value
}

export type LengthRequest = { ok: true; idx: number; slot: MqttClientSlot; length: number } | { ok: false; reply: Reply }

/**
 * The common head of the `AT+CMQTTxxx=<idx>,<len>[,<qos>]` prompt commands: `argCount` parameters with
 * the length in parameter 1 (a syntax error is ERROR), an acquired client, and a length within `range`
 * (else 22). `isQueueFull` adds the SUBTOPIC/UNSUBTOPIC limit, reported as 22 too.
 */
export function readLengthRequest(
  cmd: AtCommand,
  ctx: CommandContext,
  range: { min: number; max: number },
  argCount: number,
  isQueueFull: (slot: MqttClientSlot) => boolean = () => false,
): LengthRequest {
  const length = readLength(cmd, 1, range)
  const qosOk = argCount < 3 || readInt(cmd, 2, 0, 2) !== undefined
  if (length === undefined || !qosOk || !hasArgCount(cmd, argCount, argCount)) return { ok: false, reply: replyError() }
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found
  if (length === 'out-of-range' || isQueueFull(found.slot))
    return { ok: false, reply: replyRejected(cmd.name, found.idx, MQTT_ERR.lengthOutOfRange) }
  return { ok: true, idx: found.idx, slot: found.slot, length }
}

/** Prompts for a topic of `length` bytes; with checkUTF8 on, bytes that are not UTF-8 are refused with error 2. */
export function promptForTopic(name: string, idx: number, slot: MqttClientSlot, length: number, store: (topic: Buffer) => Reply): Reply {
  return replyPrompt(length, data => (slot.checkUtf8 && !isUtf8(data) ? replyRejected(name, idx, MQTT_ERR.badUtf8) : store(data)))
}

/** A `(0-N)` range string for the client index. */
export function describeClientRange(ctx: CommandContext): string {
  return `(0-${ctx.state.clients.length - 1})`
}
