/**
 * Picks the transport for a device URL.
 */
import { parseDeviceUrl } from './device-url.js'
import type { ModemPeer } from '../model/modem-peer.js'
import { SerialTransport } from './serial-transport.js'
import { createReplayTransport } from './replay-transport.js'
import { SimTransport } from './sim-transport.js'
import { TcpTransport } from './tcp-transport.js'
import type { Transport } from '../model/transport.js'
import { TransportError } from './transport-error.js'

export interface TransportOptions {
  /**
   * Builds the in-process modem for a `sim://` URL. The transport layer knows no simulator: whoever composes
   * the device (the app layer, a test) hands one in, and a `sim://` URL without it is refused.
   */
  simPeer?: (profile: string, params: URLSearchParams) => ModemPeer
}

/** Creates the transport for a device URL without opening it; throws a TransportError for a bad URL or unknown sim profile. */
export function createTransport(url: string, options: TransportOptions = {}): Transport {
  const address = parseDeviceUrl(url)
  switch (address.kind) {
    case 'serial':
      return new SerialTransport(url, address.path, address.settings)
    case 'tcp':
      return new TcpTransport(url, address.host, address.port)
    case 'sim':
      return new SimTransport(url, address.profile, buildSimPeer(url, address.profile, address.params, options))
    case 'replay':
      return createReplayTransport(url, address.path, address.fast)
  }
}

/** Creates and opens the transport for a device URL; rejects with a TransportError (code + hint) when it cannot. */
export async function openTransport(url: string, options: TransportOptions = {}): Promise<Transport> {
  const transport = createTransport(url, options)
  await transport.open()
  return transport
}

function buildSimPeer(url: string, profile: string, params: URLSearchParams, options: TransportOptions): ModemPeer {
  if (options.simPeer === undefined) {
    throw new TransportError('unknown-sim-profile', url, `no simulated modem named "${profile}"`, {
      hint: 'this program opens sim:// devices only through atseq run, atseq record or atseq sim',
    })
  }
  return options.simPeer(profile, params)
}
