/**
 * The simulated modem: reads the host's bytes as the modem does (echo, command lines ended by CR, prompt input of
 * exactly N bytes with a timeout), answers through the profile's command handlers, prints URCs, and lets tests
 * inject faults. It is the far end of a `sim://` transport (a ModemPeer) or of `atseq sim --listen`.
 */
import type { ModemPeer } from '../model/modem-peer.js'
import type { CommandContext, HandlerTable, SimService } from './command-context.js'
import { composeHandlers, createFlash, selectServices } from './services/index.js'
import { readCommandLine, runCommandLine } from './command-line.js'
import { closeServices, loseServicesNetwork } from './service-events.js'
import { createModemState, type ModemState } from './modem-state.js'
import { Radio } from './radio.js'
import { createSmsStorages, receiveSms } from './services/sms/index.js'
import { resolveHost } from './sockets/host-resolve.js'
import type { SimOptions } from './sim-options.js'

export type { SimOptions } from './sim-options.js'
import { LineInput } from './line-input.js'
import { describePromptOpening, takePromptInput, type PromptReply } from './prompt-input.js'
import { OutputPacer } from './output-pacer.js'
import { selectProfile, type SimProfile } from './profile.js'
import { encodeBootLines } from './boot-lines.js'
import { encodeReply, encodeUrc, framingOf, replyError, replyOk, type Reply } from './reply.js'
import { OnlineMode } from './online-mode.js'
import { TimerSet } from './timer-set.js'

type InputMode =
  | { kind: 'line' }
  | { kind: 'data'; prompt: PromptReply; timer: NodeJS.Timeout }
  | { kind: 'text'; prompt: Buffer; accept: (data: Buffer) => Reply }

export class SimModem implements ModemPeer {
  readonly profile: SimProfile
  /** Notes made since power-up, oldest first. */
  readonly notes: string[] = []
  private readonly handlers: HandlerTable
  private readonly services: readonly SimService[]
  private readonly files = new Map<string, Buffer>()
  private readonly flash: CommandContext['flash']
  // Stored messages live on the SIM and in flash: a reboot keeps them.
  private readonly storedSms: ModemState['sms']['stored'] = createSmsStorages()
  private readonly pacer: OutputPacer
  private readonly timers = new TimerSet()
  private state: ModemState
  private context: CommandContext
  private epoch = 0
  private sink: ((bytes: Buffer) => void) | undefined
  private readonly lineInput = new LineInput()
  private readonly online: OnlineMode
  private readonly smsSentListeners = new Set<(sms: { to: string; text: string; atMs: number }) => void>()
  private mode: InputMode = { kind: 'line' }
  private lastLine = ''
  private busy = false
  private handling = false
  private waiting = false
  private held: Buffer[] = []
  private latencyMs: number
  private readonly radio: Radio

  constructor(private readonly options: SimOptions = {}) {
    this.profile = selectProfile(options.profile)
    this.handlers = composeHandlers(this.profile.services)
    this.flash = createFlash(this.profile.name)
    this.services = selectServices(this.profile.services)
    this.latencyMs = options.latencyMs ?? 0
    this.radio = new Radio(options.simPresent ?? true, options.rssi ?? this.profile.defaults.rssi)
    this.pacer = new OutputPacer(bytes => this.sink?.(bytes), options.baud)
    this.online = new OnlineMode(
      {
        write: bytes => this.pacer.write(bytes),
        resume: bytes => this.resumeCommands(bytes),
        emit: bytes => this.emitUnsolicited(this.epoch, bytes),
      },
      options.escapeGuardMs,
    )
    this.state = this.createState()
    this.context = this.createContext()
  }

  attach(sendToHost: (bytes: Buffer) => void, _dropLink?: (cause: string) => void): void {
    this.sink = sendToHost
    this.powerUp()
  }

  receive(bytes: Buffer): void {
    if (this.sink === undefined) return
    if (this.online.isActive()) return this.online.receive(bytes)
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
    this.radio.dropNetwork(this.context)
  }

  /** Coverage is back (when there is a signal): registration and AT+CMQTTSTART work again. */
  restoreNetwork(): void {
    this.radio.restoreNetwork(this.context)
  }

  /** Pulls the SIM card: AT+CPIN? answers +CME ERROR: 10 and the network is lost. */
  removeSim(): void {
    this.radio.removeSim(this.context)
  }

  /** Puts a SIM card back: `+CPIN: READY` and registration return. */
  insertSim(): void {
    this.radio.insertSim(this.context)
  }

  /**
   * Sets the signal AT+CSQ, AT+CESQ and AT+CPSI report (rssi 0..31; ber 0..7, 99 unknown). Rssi 99 is no signal:
   * the network is lost as by dropNetwork(), and comes back with the next detectable signal unless it was dropped.
   */
  setSignal(rssi: number, ber = this.state.ber): void {
    this.radio.setSignal(this.context, rssi, ber)
  }

  /** The network delivers a message to the modem: stored and announced, or shown at once, as AT+CNMI says. */
  deliverSms(from: string, text: string): void {
    receiveSms(this.context, from, text)
  }

  /** Calls `listener` with every message the modem sends (AT+CMGS, AT+CMSS), decoded; returns the function that stops it. */
  onSmsSent(listener: (sms: { to: string; text: string; atMs: number }) => void): () => void {
    this.smsSentListeners.add(listener)
    return () => this.smsSentListeners.delete(listener)
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

  /** Restarts the modem: sessions end without DISCONNECT, settings are lost, `RDY` is printed again. Certificate files and stored messages stay. */
  reboot(): void {
    this.powerCycle(() => this.pacer.clear())
  }

  /** AT+CRESET: the running MQTT service reports its teardown (as a SIM7600 does) before the modem reboots. */
  private restart(): void {
    if (this.state.mqttStarted) {
      this.context.emitUrc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY')
      loseServicesNetwork(this.context, this.services)
    }
    this.powerCycle()
  }

  private powerCycle(afterPowerDown?: () => void): void {
    this.powerDown()
    afterPowerDown?.()
    this.state = this.createState()
    this.context = this.createContext()
    this.powerUp()
  }

  private createState(): ModemState {
    const state = createModemState(this.profile, this.radio.simPresent, this.options.simPin)
    state.echo = this.options.echo ?? state.echo
    state.cmee = this.options.cmee ?? state.cmee
    this.radio.applyTo(state)
    state.sms.stored = this.storedSms
    return state
  }

  private createContext(): CommandContext {
    const epoch = this.epoch
    const state = this.state
    return {
      profile: this.profile,
      state,
      files: this.files,
      flash: this.flash,
      commandNames: Object.keys(this.handlers),
      emitUrc: text => this.emitUnsolicited(epoch, encodeUrc(text, framingOf(this.state))),
      emitBytes: bytes => this.emitUnsolicited(epoch, bytes),
      emitOnlineBytes: (session, bytes) => this.online.send(session, bytes),
      endOnline: (session, text) => this.online.end(session, encodeUrc(text, framingOf(this.state))),
      isCurrent: () => this.epoch === epoch,
      note: text => this.addNote(text),
      resolve: (host, port) => resolveHost(this.options.resolve ?? [], host, port),
      scheduleReboot: () => this.timers.schedule(0, () => this.restart()),
      loseNetwork: () => loseServicesNetwork(this.context, this.services),
      sendSms: message => this.smsSentListeners.forEach(listener => listener({ ...message, atMs: Date.now() })),
      after: (ms, run) =>
        this.timers.schedule(ms, () => {
          if (this.epoch === epoch) run()
        }),
    }
  }

  private powerUp(): void {
    const printBootLines = (): void => this.pacer.write(encodeBootLines(this.profile, this.radio.simPresent, this.state.sim.lock))
    // Without a boot delay the banner is out before the host's first command, as on a module that was
    // powered before its port was opened; a timer would let it land inside that command's answer.
    const delayMs = this.options.bootDelayMs ?? 0
    if (delayMs === 0) printBootLines()
    else this.timers.schedule(delayMs, printBootLines)
  }

  private powerDown(): void {
    closeServices(this.context, this.services)
    this.epoch += 1
    this.timers.clear()
    this.online.clear()
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
    while (!this.busy && this.sink !== undefined && !this.online.isActive()) {
      if (this.mode.kind === 'data') {
        const taken = takePromptInput(this.lineInput, this.mode.prompt)
        if (taken === undefined) return
        this.finishPrompt(this.mode, taken.answer, taken.data)
        continue
      }
      const echo = this.state.echo ? (bytes: Buffer): void => this.pacer.write(bytes) : undefined
      if (this.mode.kind === 'text') {
        const mode = this.mode
        const item = this.lineInput.takeText(echo, () => this.pacer.write(mode.prompt))
        if (item === undefined) return
        // ESC cancels: OK, and nothing is sent or stored (TS 27.005 §3.5.1)
        this.answerInput(item.kind === 'cancel' ? () => replyOk() : () => mode.accept(item.data))
        continue
      }
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
    this.timers.schedule(this.latencyMs, () => {
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
    if (reply.kind === 'text-input') return this.openTextInput(reply.prompt, reply.accept)
    if (reply.kind === 'later') return this.awaitReply(reply.reply)
    if (reply.kind === 'online') return this.online.enter(reply, this.lineInput.takeAll(), this.state)
    if (reply.kind === 'done')
      this.pacer.write(encodeReply(reply.lines, reply.final, this.state.cmee, framingOf(this.state), reply.payload))
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
    const timeoutMs = prompt.timeoutMs ?? this.options.promptTimeoutMs ?? this.profile.promptTimeoutMs
    const timer = setTimeout(() => this.expirePrompt(), timeoutMs)
    this.mode = { kind: 'data', prompt, timer }
    this.pacer.write(describePromptOpening(prompt, this.profile.prompt, framingOf(this.state)))
  }

  private finishPrompt(mode: InputMode & { kind: 'data' }, answer: () => Reply, data?: Buffer): void {
    clearTimeout(mode.timer)
    if (data !== undefined && this.state.echo && this.profile.behaviour.echoPromptInput) this.pacer.write(data)
    this.answerInput(answer)
  }

  /** Back to command lines; the command that asked for the input answers it. */
  private answerInput(answer: () => Reply): void {
    this.mode = { kind: 'line' }
    this.handling = true
    const reply = answer()
    this.handling = false
    this.writeReply(reply)
  }

  /** Online data mode ended with `bytes` (`OK` after `+++`, or `CLOSED`): URCs held meanwhile follow, then commands. */
  private resumeCommands(bytes: Buffer): void {
    this.pacer.write(bytes)
    this.releaseHeld()
    queueMicrotask(() => this.pump())
  }

  /** Text input (AT+CMGS, AT+CMGW) has no time limit: the module waits for Ctrl-Z or ESC. */
  private openTextInput(prompt: string, accept: (data: Buffer) => Reply): void {
    this.mode = { kind: 'text', prompt: Buffer.from(prompt, 'latin1'), accept }
    this.pacer.write(this.mode.prompt)
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
    if (this.handling || this.waiting || this.mode.kind !== 'line' || this.online.isActive()) this.held.push(bytes)
    else this.pacer.write(bytes)
  }

  private releaseHeld(): void {
    const held = this.held
    this.held = []
    for (const bytes of held) this.pacer.write(bytes)
  }

  private addNote(text: string): void {
    this.notes.push(text)
    this.options.onNote?.(text)
  }
}
