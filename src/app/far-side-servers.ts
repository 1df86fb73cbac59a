/**
 * The far-side servers of a run besides the broker, gathered while the device session opens and composed into
 * the one ServerLink the executor uses. A `sim://` run has the echo server (`tcp`, `udp`) and the simulated
 * network (`network`, and its SMS centre `sms`); a replay has a link that acts on nothing and cannot judge `server:` checks; a real device
 * has none, so its `serve:` and `server:` steps error with a hint.
 */
import type { FarSideServer, ServerLink, ServerName } from '../model/server-link.js'
import type { SimModem } from '../sim/sim-modem.js'
import { createNetworkFarSide } from './network-far-side.js'
import { openSmsFarSide } from './sms-far-side.js'
import { composeServerLink } from './server-link.js'

/** What the session knows of the simulated modem: tests and the far side both learn of it when it is created. */
interface SimModemHook {
  onSimModem?: (modem: SimModem) => void
}

/** Servers joining as the session opens; `link()` composes them once it is open. */
export interface FarSideGathering<T extends SimModemHook> {
  /** The session's options, with the simulated modem's network added to the far side when it is created. */
  options: T
  link(): ServerLink | undefined
}

/** Starts gathering with the servers a `sim://` run started (none for other runs). */
export function gatherFarSide<T extends SimModemHook>(options: T, started: readonly FarSideServer[]): FarSideGathering<T> {
  const servers: FarSideServer[] = [...started]
  return {
    options: {
      ...options,
      onSimModem: modem => {
        servers.push(createNetworkFarSide(modem), openSmsFarSide(modem))
        options.onSimModem?.(modem)
      },
    },
    link: () => (servers.length === 0 ? undefined : composeServerLink(servers)),
  }
}

const EVERY_SERVER: readonly ServerName[] = ['tcp', 'udp', 'tls', 'http', 'ftp', 'sms', 'network']

/**
 * The far side of a `replay://` run. A recording keeps what the modem said, not what the servers received: a
 * `serve:` step acts on nothing (the URCs it caused come back from the recording, as a `publish` step's do), and a
 * `server:` check errors, since there is nothing to judge it on.
 */
export function createReplayServerLink(): ServerLink {
  const reason = 'a replay keeps what the modem said, not what the servers received: run the sequence on sim:// to check it'
  return {
    names: EVERY_SERVER,
    waitFor: async () => ({ outcome: 'failed', reason }),
    received: () => [],
    act: async () => undefined,
  }
}
