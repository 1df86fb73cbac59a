/**
 * The simulated network's SMS centre as a far-side server named `sms`: every message the simulated modem sends
 * is an event (`path` the destination, `body` the text), and `deliver` makes the network bring one to the modem.
 */
import type { FarSideServer, ServerAction, ServerEvent } from '../model/server-link.js'
import type { SimModem } from '../sim/sim-modem.js'

/** The SMS centre of one simulated modem; `close` stops listening to it. */
export interface SmsFarSide extends FarSideServer {
  close(): void
}

/** Adapts the modem's SMS traffic; events are kept from now on, for the whole run. */
export function openSmsFarSide(modem: Pick<SimModem, 'deliverSms' | 'onSmsSent'>): SmsFarSide {
  const received: ServerEvent[] = []
  const listeners = new Set<(event: ServerEvent) => void>()
  const stop = modem.onSmsSent(sms => {
    const event: ServerEvent = { server: 'sms', kind: 'message', path: sms.to, body: Buffer.from(sms.text, 'utf8'), atMs: sms.atMs }
    received.push(event)
    for (const listener of listeners) listener(event)
  })
  return {
    names: ['sms'],
    events: () => [...received],
    onEvent: listener => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    act: action => deliver(modem, action),
    close: () => {
      stop()
      listeners.clear()
    },
  }
}

async function deliver(modem: Pick<SimModem, 'deliverSms'>, action: ServerAction): Promise<void> {
  if (action.server !== 'sms' || action.kind !== 'deliver')
    throw new Error(`the SMS centre cannot ${action.kind} (it can deliver a message to the modem)`)
  modem.deliverSms(action.from, action.text)
}
