/**
 * Picks the transport for a device URL.
 */
import { parseDeviceUrl } from './device-url.js'
import type { ModemPeer } from './modem-peer.js'
import { SerialTransport } from './serial-transport.js'
import { createReplayTransport } from './replay-transport.js'
import { findSimProfile, listSimProfiles } from './sim-profiles.js'
import { SimTransport } from './sim-transport.js'
import { TcpTransport } from './tcp-transport.js'
import type { Transport } from './transport.js'
import { TransportError } from './transport-error.js'

export interface TransportOptions {
  /** Builds the modem for a `sim://` URL instead of the registry (tests, or an embedding program). */
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
  if (options.simPeer !== undefined) return options.simPeer(profile, params)
  const factory = findSimProfile(profile)
  if (factory === undefined) {
    const known = listSimProfiles()
    throw new TransportError('unknown-sim-profile', url, `no simulated modem named "${profile}"`, {
      hint: known.length > 0 ? `known profiles: ${known.join(', ')}` : 'no simulator profile is registered (import the simulator first)',
    })
  }
  return factory(params)
}
