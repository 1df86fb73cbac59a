/**
 * The registry of in-process modems a `sim://<profile>` URL can name. The simulator registers its profiles here.
 */
import type { ModemPeer } from './modem-peer.js'

/** Builds a fresh modem for one link, from the URL's query (`sim://simcom-a76xx?echo=1`). */
export type SimPeerFactory = (params: URLSearchParams) => ModemPeer

const factories = new Map<string, SimPeerFactory>()

/** Makes `sim://<name>` open a modem built by `factory`; registering a name again replaces it. */
export function registerSimProfile(name: string, factory: SimPeerFactory): void {
  factories.set(name, factory)
}

/** Removes a profile (tests that register their own). */
export function unregisterSimProfile(name: string): void {
  factories.delete(name)
}

export function findSimProfile(name: string): SimPeerFactory | undefined {
  return factories.get(name)
}

/** The registered profile names, sorted. */
export function listSimProfiles(): string[] {
  return [...factories.keys()].sort()
}
