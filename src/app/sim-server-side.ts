/** The shape of one far-side server a `sim://` run starts (see sim-servers.ts), apart so each starter can name it. */
import type { FarSideServer } from '../model/server-link.js'
import type { Recorder } from '../record/recorder.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'

/** One started server as the session uses it. */
export interface SimServerSide {
  /** Host mappings onto it (after the user's own `--resolve` rules and the broker's). */
  rules: ResolveRule[]
  /** Its address (and accounts) for sequences, e.g. `echo_server_host`. */
  vars: Record<string, string>
  farSide: FarSideServer[]
  close(): Promise<void>
}

/** What a starter writes to: a run's recorder, or `atseq sim`'s console. */
export type ServerNotes = Pick<Recorder, 'recordNote'>
