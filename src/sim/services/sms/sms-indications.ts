/**
 * How the module hands new-message indications to the host (TS 27.005 §3.4.1, §3.4.4). While AT+CNMI's mode is 0
 * they are held in the module, and setting a mode 1–3 flushes them after OK (bfr 0) or drops them (bfr 1). Under
 * AT+CSMS=1 each +CMT or +CDS waits for AT+CNMA: the next one is held until then, and with no AT+CNMA in time the
 * module turns routing off (mt 0, ds 0) and keeps the unacknowledged messages in its receive storage.
 */
import type { CommandContext } from '../../command-context.js'
import { smsTraitsOf, type SmsIndication } from './sms-state.js'
import { storeSms } from './sms-store.js'

/** The most indications held in mode 0; past it the oldest go, as 27.005 allows (it leaves the size open). */
const BUFFERED_INDICATIONS = 16

/** Shows an indication now, or holds it while mode 0 asks the module to keep them. */
export function indicate(ctx: CommandContext, indication: SmsIndication): void {
  const { sms } = ctx.state
  if (sms.cnmi[0] !== 0) return show(ctx, indication)
  sms.buffered.push(indication)
  if (sms.buffered.length > BUFFERED_INDICATIONS) sms.buffered.shift()
}

/** AT+CNMI set a mode 1–3: the held indications are shown (bfr 0) or dropped (bfr 1). */
export function releaseBuffered(ctx: CommandContext): void {
  const { sms } = ctx.state
  if (sms.cnmi[0] === 0) return
  const held = sms.buffered.splice(0)
  if (sms.cnmi[4] === 0) for (const indication of held) show(ctx, indication)
}

function show(ctx: CommandContext, indication: SmsIndication): void {
  const { ack, csms } = ctx.state.sms
  if (!indication.direct || csms === 0) return ctx.emitUrc(indication.urc)
  if (ack.shown !== undefined) {
    ack.held.push(indication)
    return
  }
  ack.shown = indication
  const serial = ++ack.serial
  ctx.emitUrc(indication.urc)
  ctx.after(smsTraitsOf(ctx.profile).ackTimeoutMs, () => {
    if (ack.serial === serial && ack.shown !== undefined) giveUpAck(ctx)
  })
}

/** AT+CNMA: the shown message is acknowledged and the next held one is shown; false when none awaited it. */
export function acknowledgeShown(ctx: CommandContext): boolean {
  const { ack } = ctx.state.sms
  if (ack.shown === undefined) return false
  ack.shown = undefined
  ack.serial++
  const next = ack.held.shift()
  if (next !== undefined) show(ctx, next)
  return true
}

/** No AT+CNMA in time: routing to the host ends, and the messages it did not take stay in the receive storage. */
function giveUpAck(ctx: CommandContext): void {
  const { sms } = ctx.state
  const missed = [sms.ack.shown, ...sms.ack.held]
  sms.ack.shown = undefined
  sms.ack.held = []
  sms.cnmi[1] = 0
  sms.cnmi[3] = 0
  ctx.note('no AT+CNMA came for a message shown under AT+CSMS=1: new message routing is off (AT+CNMI mt 0, ds 0)')
  for (const indication of missed) if (indication?.sms !== undefined) storeSms(ctx, sms.storages[2], indication.sms)
}
