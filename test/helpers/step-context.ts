/**
 * A run context for running a loaded sequence's steps one by one, as the runner does, over a scripted modem (a
 * SIMCom A76XX chat), with a recorder and masker of its own; the chat keeps the recorder's clock. The link is
 * closed when the test ends.
 */
import type { Test } from 'tap'
import { createChat } from '../../src/at/chat.js'
import type { Sequence } from '../../src/model/sequence.js'
import { resolveModemFamily } from '../../src/modem/families/index.js'
import { Masker } from '../../src/record/masker.js'
import { Recorder } from '../../src/record/recorder.js'
import type { RunContext } from '../../src/run/run-context.js'
import { openTransport } from '../../src/transport/open-transport.js'
import type { ScriptedPeer } from './scripted-peer.js'

export interface StepContextOptions {
  /** Values the masker hides. */
  secrets?: string[]
  /** The recorder's clock (default the real one). */
  now?: () => number
  /** Cancels the run (Ctrl-C). */
  signal?: AbortSignal
  /** Most lines the chat keeps for one step (default the chat's). */
  maxStepLines?: number
  vars?: Record<string, string>
  servers?: RunContext['servers']
  broker?: RunContext['broker']
}

export async function openStepContext(
  t: Test,
  sequence: Sequence,
  peer: ScriptedPeer,
  options: StepContextOptions = {},
): Promise<RunContext> {
  const masker = new Masker({ secrets: options.secrets ?? [] })
  const recorder = new Recorder({
    header: {
      atseqVersion: 'test',
      sequence: { name: sequence.name, file: sequence.file, sha256: '', tags: [] },
      device: { url: 'sim://scripted', settings: {}, identity: {} },
      commandLine: [],
    },
    masker,
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const family = resolveModemFamily('simcom-a76xx')
  const chat = createChat(transport, {
    profile: family.chatProfile,
    clock: () => recorder.elapsedMs(),
    ...(options.maxStepLines === undefined ? {} : { maxStepLines: options.maxStepLines }),
  })
  t.teardown(async () => {
    chat.detach()
    await transport.close()
  })
  return {
    sequence,
    chat,
    family,
    recorder,
    masker,
    vars: options.vars ?? {},
    secretNames: new Set(),
    abort: [],
    timeoutScale: 1,
    signal: options.signal ?? new AbortController().signal,
    events: {},
    ...(options.servers === undefined ? {} : { servers: options.servers }),
    ...(options.broker === undefined ? {} : { broker: options.broker }),
  }
}
