/**
 * The simulated network's side of SMS: a message for the module arrives as SMS-DELIVERs (concatenated parts
 * when long) and is stored and announced (+CMTI) or shown at once (+CMT) as AT+CNMI says; a message the module
 * sends may ask for a status report (+CDS). How the indications reach the host is sms-indications.ts's.
 */
import {
  chooseAlphabet,
  dcsOf,
  describeAddress,
  encodeSmsDeliver,
  encodeSmsStatusReport,
  splitSmsText,
  type SmsAddress,
} from '../../../modem/sms-pdu.js'
import type { CommandContext } from '../../command-context.js'
import type { StoredSms } from './sms-state.js'
import { describeMessage } from './sms-format.js'
import { indicate } from './sms-indications.js'
import { storeSms } from './sms-store.js'
import { formatTimestamp } from './sms-text.js'

/** How long the centre takes to report a message delivered (ms). */
const STATUS_REPORT_DELAY_MS = 200

/** The module's clock now, to the second, in the zone AT+CCLK set. */
function stampNow(ctx: CommandContext): { utcMs: number; zoneQh: number } {
  const utcMs = Math.floor((Date.now() + ctx.state.clockOffsetMs) / 1000) * 1000
  return { utcMs, zoneQh: ctx.state.clockZoneQh }
}

/** The SMS-DELIVERs of one message, one per part. */
function buildDeliveries(ctx: CommandContext, from: string, text: string): StoredSms[] {
  const alphabet = chooseAlphabet(text)
  const parts = splitSmsText(text, alphabet)
  const ref = Math.floor(Math.random() * 256)
  const sentAt = stampNow(ctx)
  return parts.map((part, index) => {
    const concat = parts.length > 1 ? { concat: { ref, total: parts.length, seq: index + 1 } } : {}
    const { pdu, tpduOctets } = encodeSmsDeliver({
      sca: ctx.state.sms.sca,
      from: describeAddress(from),
      pid: 0,
      dcs: dcsOf(alphabet),
      sentAt,
      alphabet,
      text: part,
      ...concat,
    })
    return { status: 0, pdu, tpduOctets }
  })
}

/** A message from `from` reaches the module; without a SIM or the network it never arrives (a note says so). */
export function receiveSms(ctx: CommandContext, from: string, text: string): void {
  if (!ctx.state.simPresent || ctx.state.sim.lock !== 'READY' || !ctx.state.networkUp)
    return ctx.note(`a message from ${from} found the module off the network and was not delivered`)
  for (const sms of buildDeliveries(ctx, from, text)) {
    // mt 3 routes only class 3 messages directly; the network's messages carry no class, so they are stored as under mt 1.
    const mt = ctx.state.sms.cnmi[1]
    if (mt === 2) {
      indicate(ctx, { urc: describeMessage(ctx.state, sms, { kind: 'direct' }).join('\r\n'), direct: true, sms })
      continue
    }
    const storage = ctx.state.sms.storages[2]
    const index = storeSms(ctx, storage, sms)
    if (index === undefined) {
      ctx.note(`a message from ${from} was refused: storage ${storage} is full`)
      continue
    }
    if (mt !== 0) indicate(ctx, { urc: `+CMTI: "${storage}",${index}`, direct: false })
  }
}

/** After a message that asked for one, the status report as AT+CNMI's ds 1 shows it (text or PDU mode). */
export function reportDelivery(ctx: CommandContext, mr: number, recipient: SmsAddress): void {
  if (ctx.state.sms.cnmi[3] !== 1) return
  const sentAt = stampNow(ctx)
  ctx.after(STATUS_REPORT_DELAY_MS, () => {
    const dischargedAt = stampNow(ctx)
    if (ctx.state.sms.cmgf === 1) {
      const stamps = `"${formatTimestamp(sentAt)}","${formatTimestamp(dischargedAt)}"`
      return indicate(ctx, { urc: `+CDS: 6,${mr},"${recipient.number}",${recipient.type},${stamps},0`, direct: true })
    }
    const report = encodeSmsStatusReport({ sca: ctx.state.sms.sca, mr, recipient, sentAt, dischargedAt, status: 0 })
    indicate(ctx, { urc: `+CDS: ${report.tpduOctets}\r\n${report.pdu.toString('hex').toUpperCase()}`, direct: true })
  })
}
