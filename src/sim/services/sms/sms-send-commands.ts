/**
 * Sending and writing messages (TS 27.005 §3.5.1, §3.5.2, §3.5.3): AT+CMGS and AT+CMGW take the text (or the PDU
 * in hex) after a `> ` prompt up to Ctrl-Z; AT+CMSS sends a stored one. The network gets each as it was decoded.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { CMS_ERROR } from '../../../modem/cms-error.js'
import { isGsm7Text } from '../../../modem/gsm7-alphabet.js'
import {
  PduError,
  decodeSmsSubmit,
  decodeUcs2,
  describeAddress,
  encodeSmsSubmit,
  readDcsAlphabet,
  splitSmsText,
  type SmsAlphabet,
  type SmsSubmit,
} from '../../../modem/sms-pdu.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCms, replyError, replyOk, replyTextInput, type Reply } from '../../reply.js'
import { reportDelivery } from './sms-delivery.js'
import type { SmsStatus, StoredSms } from './sms-state.js'
import { simProblemOf, storeSms, viewStored } from './sms-store.js'
import { readStatusName, readTeString } from './sms-text.js'

/** The SMS-SUBMIT text mode builds from typed text, the destination and AT+CSMP; a CMS error code when it cannot. */
function buildTextSubmit(ctx: CommandContext, to: string, toType: number, typed: Buffer): SmsSubmit | number {
  const { csmp, sca } = ctx.state.sms
  const alphabet = readDcsAlphabet(csmp.dcs)
  const text = readTypedText(ctx, alphabet, typed.toString('utf8'))
  if (text === undefined || (alphabet === 'gsm7' && !isGsm7Text(text))) return CMS_ERROR.invalidTextMode
  if (splitSmsText(text, alphabet).length > 1) return CMS_ERROR.invalidTextMode
  const vpf = (csmp.fo >> 3) & 0x03
  return {
    sca,
    mr: 0,
    to: { number: to, type: toType },
    pid: csmp.pid,
    dcs: csmp.dcs,
    statusReport: (csmp.fo & 0x20) !== 0,
    ...(vpf === 2 ? { validity: csmp.vp } : {}),
    alphabet,
    text,
  }
}

/** Typed text: in the TE set for GSM 7-bit (TS 27.005 §3.1), the user data octets in hex for UCS2 and 8-bit data. */
function readTypedText(ctx: CommandContext, alphabet: SmsAlphabet, written: string): string | undefined {
  if (alphabet === 'gsm7') return readTeString(ctx.state, written)
  if (!/^([0-9A-Fa-f]{2})*$/.test(written)) return undefined
  const octets = Buffer.from(written, 'hex')
  return alphabet === 'ucs2' ? decodeUcs2(octets) : octets.toString('latin1')
}

/** The SMS-SUBMIT of PDU mode: hex whose TPDU has `length` octets after the SMSC address; a CMS error code otherwise. */
function readPduSubmit(ctx: CommandContext, length: number, typed: Buffer): SmsSubmit | number {
  const hex = typed.toString('latin1').trim()
  if (!/^([0-9A-Fa-f]{2})+$/.test(hex)) return CMS_ERROR.invalidPduMode
  const pdu = Buffer.from(hex, 'hex')
  if (pdu.length - (pdu[0] ?? 0) - 1 !== length) return CMS_ERROR.invalidPduMode
  try {
    const submit = decodeSmsSubmit(pdu)
    return submit.sca === undefined ? { ...submit, sca: ctx.state.sms.sca } : submit
  } catch (error) {
    if (error instanceof PduError) return CMS_ERROR.invalidPduMode
    throw error
  }
}

/** Sends a SUBMIT: the module gives it the next TP-MR, the network receives it; a CMS error code when it cannot go. */
function transmit(ctx: CommandContext, submit: SmsSubmit): number | { mr: number } {
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return problem
  if (!ctx.state.networkUp) return CMS_ERROR.noNetworkService
  if ((submit.sca?.number ?? '') === '') return CMS_ERROR.smscAddressUnknown
  const mr = ctx.state.sms.nextMr
  ctx.state.sms.nextMr = (mr + 1) % 256
  ctx.sendSms({ to: submit.to.number, text: submit.text })
  if (submit.statusReport) reportDelivery(ctx, mr, submit.to)
  return { mr }
}

/** The destination of a text-mode AT+CMGS / AT+CMGW / AT+CMSS from parameter `index` on. */
function readDestination(ctx: CommandContext, cmd: AtCommand, index: number): { number: string; type: number } | undefined {
  const written = readString(cmd, index)
  const number = written === undefined ? undefined : readTeString(ctx.state, written)
  if (number === undefined) return undefined
  const type = readOptionalInt(cmd, index + 1, 128, 255, describeAddress(number).type)
  return type === undefined ? undefined : { number, type }
}

function sendMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'write') return replyError()
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const answer = (submit: SmsSubmit | number): Reply => {
    const sent = typeof submit === 'number' ? submit : transmit(ctx, submit)
    return typeof sent === 'number' ? replyCms(sent) : replyOk(`+CMGS: ${sent.mr}`)
  }
  const prompt = ctx.profile.smsPrompt
  if (ctx.state.sms.cmgf === 0) {
    const length = readInt(cmd, 0, 7, 164)
    if (length === undefined || !hasArgCount(cmd, 1, 1)) return replyCms(CMS_ERROR.invalidPduMode)
    return replyTextInput(prompt, typed => answer(readPduSubmit(ctx, length, typed)))
  }
  const to = readDestination(ctx, cmd, 0)
  if (to === undefined || !hasArgCount(cmd, 1, 2)) return replyCms(CMS_ERROR.invalidTextMode)
  return replyTextInput(prompt, typed => answer(buildTextSubmit(ctx, to.number, to.type, typed)))
}

/** Stores what AT+CMGW was given in the write storage; `+CMGW: <index>`, or 322 when it is full. */
function keep(ctx: CommandContext, sms: StoredSms): Reply {
  const index = storeSms(ctx, ctx.state.sms.storages[1], sms)
  return index === undefined ? replyCms(CMS_ERROR.memoryFull) : replyOk(`+CMGW: ${index}`)
}

function writeMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const prompt = ctx.profile.smsPrompt
  if (ctx.state.sms.cmgf === 0) {
    const length = readInt(cmd, 0, 7, 164)
    const status = readOptionalInt(cmd, 1, 0, 3, 2)
    if (cmd.form !== 'write' || length === undefined || status === undefined) return replyCms(CMS_ERROR.invalidPduMode)
    return replyTextInput(prompt, typed => writePdu(ctx, length, status as SmsStatus, typed))
  }
  const to = cmd.form === 'exec' ? { number: '', type: 129 } : readDestination(ctx, cmd, 0)
  const statusName = cmd.args.length > 2 ? readString(cmd, 2) : 'STO UNSENT'
  const status = statusName === undefined ? undefined : readStatusName(statusName)
  if (to === undefined || status === undefined || status > 3) return replyCms(CMS_ERROR.invalidTextMode)
  return replyTextInput(prompt, typed => {
    const submit = buildTextSubmit(ctx, to.number, to.type, typed)
    if (typeof submit === 'number') return replyCms(submit)
    const { pdu, tpduOctets } = encodeSmsSubmit(submit)
    return keep(ctx, { status: status as SmsStatus, pdu, tpduOctets })
  })
}

function writePdu(ctx: CommandContext, length: number, status: SmsStatus, typed: Buffer): Reply {
  const hex = typed.toString('latin1').trim()
  const pdu = Buffer.from(hex, 'hex')
  const valid = /^([0-9A-Fa-f]{2})+$/.test(hex) && pdu.length - (pdu[0] ?? 0) - 1 === length
  if (!valid) return replyCms(CMS_ERROR.invalidPduMode)
  try {
    viewStored({ status, pdu })
  } catch (error) {
    if (error instanceof PduError) return replyCms(CMS_ERROR.invalidPduMode)
    throw error
  }
  return keep(ctx, { status, pdu, tpduOctets: length })
}

/** AT+CMSS: sends a stored message (to a new destination when one is given); `+CMSS: <mr>`. */
function sendStoredMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const index = readInt(cmd, 0, 0, 65535)
  if (cmd.form !== 'write' || index === undefined) return replyError()
  const stored = ctx.state.sms.stored[ctx.state.sms.storages[1]].get(index)
  if (stored === undefined || stored.status < 2) return replyCms(CMS_ERROR.invalidMemoryIndex)
  const submit = decodeSmsSubmit(stored.pdu)
  const to = cmd.args.length > 1 ? readDestination(ctx, cmd, 1) : submit.to
  if (to === undefined) return replyCms(CMS_ERROR.invalidTextMode)
  const sent = transmit(ctx, { ...submit, to, sca: submit.sca ?? ctx.state.sms.sca })
  if (typeof sent === 'number') return replyCms(sent)
  stored.status = 3
  return replyOk(`+CMSS: ${sent.mr}`)
}

export const SMS_SEND_HANDLERS: HandlerTable = {
  '+CMGS': sendMessage,
  '+CMGW': writeMessage,
  '+CMSS': sendStoredMessage,
}
