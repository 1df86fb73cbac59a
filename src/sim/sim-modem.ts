/**
 * The simulated modem: reads the host's bytes as the modem does (echo, command lines ended by CR, prompt input of
 * exactly N bytes with a timeout), answers through the profile's command handlers, prints URCs, and lets tests
 * inject faults. It is the far end of a `sim://` transport (a ModemPeer) or of `atseq sim --listen`.
 */
import type { ModemPeer } from '../model/modem-peer.js'
import type { CommandContext, HandlerTable, SimService } from './command-context.js'
import { composeHandlers, selectServices } from './services/index.js'
import { readCommandLine, runCommandLine } from './command-line.js'
import { dropAllSessions } from './services/mqtt/mqtt-session.js'
import { closeAllLinks, loseTcpipNetwork } from './services/tcpip/tcpip-events.js'
import { createModemState, type ModemState } from './modem-state.js'
import { canRegister } from './services/network/network-state.js'
import { CONNLOST_CAUSE } from '../modem/families/simcom/mqtt-codes.js'
import { resolveHost, type ResolveRule } from './sockets/host-resolve.js'
import { LineInput } from './line-input.js'
import { takePromptInput, type PromptReply } from './prompt-input.js'
import { OutputPacer } from './output-pacer.js'
import { selectProfile, type SimProfile } from './profile.js'
import { listBootLines } from './boot-lines.js'
import { encodeReply, encodeUrc, replyError, type Framing, type Reply } from './reply.js'

/** How a simulated modem starts; every field has the profile's default. */
export interface SimOptions {
  /** A profile or its name; default `simcom-a76xx`. */
  profile?: SimProfile | string
  /** Echo after power-up (ATE1); default the profile's (on). */
  echo?: boolean
  /** AT+CMEE after power-up; default the profile's (2). */
  cmee?: 0 | 1 | 2
  /** Delay before each command is answered (ms); default 0. */
  latencyMs?: number
  /** Deliver output at this many bits per second; default undefined (no pacing). */
  baud?: number
  /** Whether a SIM card is inserted; default true. */
  simPresent?: boolean
  /** A SIM locked with this PIN: `+CPIN: SIM PIN` at power-up, no registration until AT+CPIN="<pin>" (PUK 12345678). */
  simPin?: string
  /** Signal strength for AT+CSQ (0..31, 99 unknown); default the profile's. */
  rssi?: number
  /** Where host names go (curl `--resolve` style). Unmapped names that are not loopback fail as a DNS error (25). */
  resolve?: ResolveRule[]
  /** Time allowed for prompt input (ms); default the profile's (10 s). */
  promptTimeoutMs?: number
  /** Time from power-up (or reboot) to `RDY` (ms); default 0. */
  bootDelayMs?: number
  /** Receives each note the simulator makes (unmapped hosts, refused handshakes...). */
  onNote?: (note: string) => void
}

type InputMode = { kind: 'line' } | { kind: 'data'; prompt: PromptReply; timer: NodeJS.Timeout }

export class SimModem implements ModemPeer {
  readonly profile: SimProfile
  /** Notes made since power-up, oldest first. */
  readonly notes: string[] = []
  private readonly handlers: HandlerTable
  private readonly services: readonly SimService[]
  private readonly files = new Map<string, Buffer>()
  private readonly pacer: OutputPacer
  private readonly timers = new Set<NodeJS.Timeout>()
  private state: ModemState
  private context: CommandContext
  private epoch = 0
  private sink: ((bytes: Buffer) => void) | undefined
  private readonly lineInput = new LineInput()
  private mode: InputMode = { kind: 'line' }
  private lastLine = ''
  private busy = false
  private handling = false
  private waiting = false
  private held: Buffer[] = []
  private latencyMs: number
  private simPresent: boolean
  private networkUp = true
  private rssi: number

  constructor(private readonly options: SimOptions = {}) {
    this.profile = selectProfile(options.profile)
    this.handlers = composeHandlers(this.profile.services)
    this.services = selectServices(this.profile.services)
    this.latencyMs = options.latencyMs ?? 0
    this.simPresent = options.simPresent ?? true
    this.rssi = options.rssi ?? this.profile.defaults.rssi
    this.pacer = new OutputPacer(bytes => this.sink?.(bytes), options.baud)
    this.state = this.createState()
    this.context = this.createContext()
  }

  attach(sendToHost: (bytes: Buffer) => void, _dropLink?: (cause: string) => void): void {
    this.sink = sendToHost
    this.powerUp()
  }

  receive(bytes: Buffer): void {
    if (this.sink === undefined) return
    this.lineInput.append(bytes)
    queueMicrotask(() => this.pump())
  }

  async detach(): Promise<void> {
    this.powerDown()
    this.sink = undefined
  }

  /**
   * The radio link goes away: each session ends with +CMQTTCONNLOST (cause 3), then +CMQTTNONET; brokers publish wills.
   * Open sockets end with +CIPEVENT: NETWORK CLOSED UNEXPECTEDLY.
   */
  dropNetwork(): void {
    this.networkUp = false
    this.state.coverage = false
    this.loseNetwork()
  }

  private loseNetwork(): void {
    this.state.networkUp = false
    dropAllSessions(this.context, CONNLOST_CAUSE.networkClosed)
    loseTcpipNetwork(this.context)
    for (const service of this.services) service.loseNetwork?.(this.context)
    this.state.activePdp.clear()
    if (!this.state.mqttStarted) return
    this.state.mqttStarted = false
    this.context.emitUrc('+CMQTTNONET')
  }

  /** Coverage is back (when there is a signal): registration and AT+CMQTTSTART work again. */
  restoreNetwork(): void {
    this.networkUp = true
    this.state.coverage = this.hasCoverage()
    this.state.networkUp = canRegister(this.state)
  }

  /** Coverage needs the network up and a detectable signal (27.007 AT+CSQ rssi 99: not known or not detectable). */
  private hasCoverage(): boolean {
    return this.networkUp && this.rssi !== 99
  }

  /** Pulls the SIM card: AT+CPIN? answers +CME ERROR: 10 and the network is lost. */
  removeSim(): void {
    this.simPresent = false
    this.state.simPresent = false
    this.loseNetwork()
  }

  /** Puts a SIM card back: `+CPIN: READY` and registration return. */
  insertSim(): void {
    this.simPresent = true
    this.state.simPresent = true
    this.state.networkUp = canRegister(this.state)
    this.context.emitUrc('+CPIN: READY')
  }

  /**
   * Sets the signal AT+CSQ, AT+CESQ and AT+CPSI report (rssi 0..31; ber 0..7, 99 unknown). Rssi 99 is no signal:
   * the network is lost as by dropNetwork(), and comes back with the next detectable signal unless it was dropped.
   */
  setSignal(rssi: number, ber = this.state.ber): void {
    const hadCoverage = this.hasCoverage()
    this.rssi = rssi
    this.state.rssi = rssi
    this.state.ber = ber
    if (hadCoverage === this.hasCoverage()) return
    this.state.coverage = !hadCoverage
    if (hadCoverage) this.loseNetwork()
    else this.state.networkUp = canRegister(this.state)
  }

  /** Delays every command's answer by `ms`. */
  setLatency(ms: number): void {
    this.latencyMs = ms
  }

  /** Paces output at `baud` bits per second (undefined: as fast as possible). */
  setBaud(baud: number | undefined): void {
    this.pacer.baud = baud
  }

  /** Sends bytes to the host as line noise would, outside any response. */
  injectGarbage(bytes: Buffer | string): void {
    this.pacer.write(Buffer.from(bytes))
  }

  /** Restarts the modem: sessions end without DISCONNECT, settings are lost, `RDY` is printed again. Certificate files stay. */
  reboot(): void {
    this.powerDown()
    this.pacer.clear()
    this.state = this.createState()
    this.context = this.createContext()
    this.powerUp()
  }

  /** AT+CRESET: the running MQTT service reports its teardown (as a SIM7600 does) before the modem reboots. */
  private restart(): void {
    if (this.state.mqttStarted) {
      this.context.emitUrc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY')
      this.loseNetwork()
    }
    this.powerDown()
    this.state = this.createState()
    this.context = this.createContext()
    this.powerUp()
  }

  private createState(): ModemState {
    const state = createModemState(this.profile, this.simPresent, this.options.simPin)
    state.echo = this.options.echo ?? state.echo
    state.cmee = this.options.cmee ?? state.cmee
    state.coverage = this.hasCoverage()
    state.networkUp = canRegister(state)
    state.rssi = this.rssi
    return state
  }

  private framing(): Framing {
    const { verbose, quiet, s3, s4 } = this.state
    return { verbose, quiet, cr: String.fromCharCode(s3), lf: String.fromCharCode(s4) }
  }

  private createContext(): CommandContext {
    const epoch = this.epoch
    const state = this.state
    return {
      profile: this.profile,
      state,
      files: this.files,
      commandNames: Object.keys(this.handlers),
      emitUrc: text => this.emitUnsolicited(epoch, encodeUrc(text, this.framing())),
      emitBytes: bytes => this.emitUnsolicited(epoch, bytes),
      isCurrent: () => this.epoch === epoch,
      note: text => this.addNote(text),
      resolve: (host, port) => resolveHost(this.options.resolve ?? [], host, port),
      scheduleReboot: () => this.schedule(0, () => this.restart()),
      loseNetwork: () => this.loseNetwork(),
      after: (ms, run) =>
        this.schedule(ms, () => {
          if (this.epoch === epoch) run()
        }),
    }
  }

  private powerUp(): void {
    const printBootLines = (): void => {
      for (const line of listBootLines(this.profile, this.simPresent, this.state.sim.lock)) this.pacer.write(encodeUrc(line))
    }
    // Without a boot delay the banner is out before the host's first command, as on a module that was
    // powered before its port was opened; a timer would let it land inside that command's answer.
    const delayMs = this.options.bootDelayMs ?? 0
    if (delayMs === 0) printBootLines()
    else this.schedule(delayMs, printBootLines)
  }

  private powerDown(): void {
    dropAllSessions(this.context)
    closeAllLinks(this.context)
    for (const service of this.services) service.powerDown?.(this.context)
    this.epoch += 1
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    if (this.mode.kind === 'data') clearTimeout(this.mode.timer)
    this.mode = { kind: 'line' }
    this.lineInput.clear()
    this.busy = false
    this.handling = false
    this.waiting = false
    this.held = []
  }

  /** Consumes input while the modem is free: echoes it, runs each complete command line, feeds prompt input. */
  private pump(): void {
    while (!this.busy && this.sink !== undefined) {
      if (this.mode.kind === 'data') {
        const taken = takePromptInput(this.lineInput, this.mode.prompt)
        if (taken === undefined) return
        this.finishPrompt(this.mode, taken.answer, taken.data)
        continue
      }
      const echo = this.state.echo ? (bytes: Buffer): void => this.pacer.write(bytes) : undefined
      const item = this.lineInput.takeLine(this.state.s3, this.state.s5, echo)
      if (item === undefined) return
      this.startCommand(item.kind === 'repeat' ? this.lastLine : item.text)
    }
  }

  private startCommand(line: string): void {
    const text = line.trim()
    if (text === '') return
    if (!/^AT/i.test(text)) return this.addNote(`ignored a line that does not start with AT: ${JSON.stringify(text)}`)
    if (this.latencyMs <= 0) return this.runCommand(text)
    this.busy = true
    this.schedule(this.latencyMs, () => {
      this.busy = false
      this.runCommand(text)
      this.pump()
    })
  }

  private runCommand(text: string): void {
    const commands = readCommandLine(text)
    this.lastLine = text
    this.handling = true
    const reply = commands === undefined ? replyError() : runCommandLine(commands, this.handlers, this.context)
    this.handling = false
    this.writeReply(reply)
  }

  private writeReply(reply: Reply): void {
    if (reply.kind === 'prompt') return this.openPrompt(reply)
    if (reply.kind === 'later') return this.awaitReply(reply.reply)
    if (reply.kind === 'done') this.pacer.write(encodeReply(reply.lines, reply.final, this.state.cmee, this.framing(), reply.payload))
    this.releaseHeld()
  }

  /** The modem is busy until a slow answer settles: input waits, URCs are held so they cannot split the answer. */
  private awaitReply(pending: Promise<Reply>): void {
    const epoch = this.epoch
    this.busy = true
    this.waiting = true
    void pending.then(reply => {
      if (epoch !== this.epoch) return
      this.busy = false
      this.waiting = false
      this.writeReply(reply)
      this.pump()
    })
  }

  private openPrompt(prompt: PromptReply): void {
    const timer = setTimeout(() => this.expirePrompt(), this.options.promptTimeoutMs ?? this.profile.promptTimeoutMs)
    this.mode = { kind: 'data', prompt, timer }
    this.pacer.write(prompt.text === undefined ? Buffer.from(this.profile.prompt, 'latin1') : encodeUrc(prompt.text, this.framing()))
  }

  private finishPrompt(mode: InputMode & { kind: 'data' }, answer: () => Reply, data?: Buffer): void {
    clearTimeout(mode.timer)
    if (data !== undefined && this.state.echo && this.profile.behaviour.echoPromptInput) this.pacer.write(data)
    this.mode = { kind: 'line' }
    this.handling = true
    const reply = answer()
    this.handling = false
    this.writeReply(reply)
  }

  /** Too few bytes arrived in time: what did arrive is discarded and the command ends with ERROR. */
  private expirePrompt(): void {
    this.mode = { kind: 'line' }
    this.lineInput.clear()
    this.addNote('prompt input timed out')
    this.writeReply(replyError())
  }

  /** URCs wait while a command is answering or its prompt is open, so they never split a response. */
  private emitUnsolicited(epoch: number, bytes: Buffer): void {
    if (epoch !== this.epoch || this.sink === undefined) return
    if (this.handling || this.waiting || this.mode.kind === 'data') this.held.push(bytes)
    else this.pacer.write(bytes)
  }

  private releaseHeld(): void {
    const held = this.held
    this.held = []
    for (const bytes of held) this.pacer.write(bytes)
  }

  private schedule(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  private addNote(text: string): void {
    this.notes.push(text)
    this.options.onNote?.(text)
  }
}
