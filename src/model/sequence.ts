/**
 * The loaded, validated form of a sequence file: what the runner executes.
 *
 * Strings that may hold Handlebars expressions (`{{len topic}}`) are kept as
 * `Template`s and rendered at run time, because captures of earlier steps
 * feed later ones. Every node keeps where it was written, so a run-time
 * problem (an undefined variable, a bad regex) still points at `file:line:col`.
 */

/** A place in a source file; line and col are 1-based. */
export interface SourceLocation {
  file: string
  line: number
  col: number
}

/** A run of a template's text written on one line: from UTF-16 offset `offset` of the text on, one column per unit from `line`:`col`. */
export interface TextSpan {
  offset: number
  line: number
  col: number
}

/** A string as written in the file, possibly with `{{ }}` expressions, and where it was written. */
export interface Template {
  text: string
  /** Where its first character is written (for quoted strings: inside the quotes; for `|` and `>` blocks: on the first content line). */
  at: SourceLocation
  /**
   * Where runs of the text are written, in order of `offset`, when the text is not written as-is on one line from `at`
   * (escapes, doubled `''`, several lines); absent, offset n is n columns right of `at`. Empty when the text could not
   * be mapped: every offset is then read as `at`.
   */
  spans?: readonly TextSpan[]
}

/** One expected line of a response (or of a URC): exact text, a `/regex/`, or a line that must not appear. */
export type LineMatcher =
  | { kind: 'exact'; text: Template }
  /** `/pattern/flags` as written; named groups become variables after the step. */
  | { kind: 'regex'; pattern: Template; flags: string }
  /** `{ not: "..." }` or `{ not: "/re/" }`: the step fails if such a line arrives in its window. */
  | { kind: 'absent'; matcher: Exclude<LineMatcher, { kind: 'absent' }> }

/** The final result code a command must end with: `OK`, `ERROR`, `+CME ERROR: 10`, `>` (data prompt), `CONNECT`... */
export interface FinalMatcher {
  matcher: Exclude<LineMatcher, { kind: 'absent' }>
}

/** How prompt data is ended: nothing (SIMCom CMQTT prompts read an exact length), Ctrl-Z (0x1A) or ESC (0x1B, cancels). */
export type DataEnd = 'none' | 'ctrl-z' | 'esc'

/** A message as the broker sees it (for `publish` actions and `broker.received` checks). */
export interface BrokerMessage {
  topic: Template
  payload?: Template
  qos?: 0 | 1 | 2
  retain?: boolean
}

/** What a step does. Exactly one per step. */
export type StepAction =
  | { kind: 'send'; command: Template }
  | { kind: 'data'; data: Template; encoding: 'text' | 'hex'; end: DataEnd }
  /** Wait for URCs (the `urc` list of the step) without sending anything. */
  | { kind: 'wait' }
  | { kind: 'sleep'; durationMs: number }
  /** The broker publishes a message to the modem's subscriptions. */
  | { kind: 'publish'; message: BrokerMessage }
  /** A far-side server acts (sends, closes, serves a route, drops the network), then the step's URCs are awaited. */
  | { kind: 'serve'; serve: ServeAction }
  /** Only checks (`broker:`, `server:`) with no action of its own. */
  | { kind: 'check' }
  /** A row the importer could not interpret; kept with its original text and never run. */
  | { kind: 'todo'; original: string }

/** A check on what reached the broker, within the step's window. */
export interface BrokerCheck {
  received: BrokerMessage
  /** When true the message must have been published by the broker as a client's will. */
  will: boolean
}

/** Bytes as written for a server: text (UTF-8) or hex pairs (`{ hex: "0d0a" }`), possibly with `{{ }}` expressions. */
export interface ServerBytes {
  encoding: 'text' | 'hex'
  text: Template
}

/** An HTTP path as written: exact, or a `/regex/flags` when written between slashes. */
export type ServerPath = { kind: 'exact'; text: Template } | { kind: 'regex'; pattern: Template; flags: string }

/** One check of a `server:` step on what a far-side server received within the step's window. */
export type ServerCheck =
  /** One TCP/TLS connection's bytes (concatenated), or one UDP datagram, contain these bytes. */
  | { server: 'tcp' | 'udp' | 'tls'; kind: 'bytes'; received: ServerBytes; at: SourceLocation }
  /** An HTTP request with every given field equal (headers by case-insensitive name, a `/regex/` path matched). */
  | {
      server: 'http'
      kind: 'request'
      method?: Template
      path?: ServerPath
      headers: Record<string, Template>
      body?: Template
      at: SourceLocation
    }
  /** A file an FTP client stored at `file`, with exactly `content` when given. */
  | { server: 'ftp'; kind: 'file'; file: Template; content?: Template; at: SourceLocation }
  /** An SMS the modem sent, to `to` and with `text` when given. */
  | { server: 'sms'; kind: 'message'; to?: Template; text?: Template; at: SourceLocation }

/** An HTTP route as written under `serve: { http: ... }`. */
export interface ServeRoute {
  method?: Template
  path: Template
  status: number
  headers: Record<string, Template>
  body?: Template
  delayMs?: number
  redirect?: Template
  chunkBytes?: number
}

/** What a `serve:` step makes a far-side server do. */
export type ServeAction =
  | { server: 'tcp' | 'udp' | 'tls'; kind: 'send'; bytes: ServerBytes }
  | { server: 'tcp' | 'tls'; kind: 'close' }
  | { server: 'http'; kind: 'route'; route: ServeRoute }
  | { server: 'ftp'; kind: 'file'; path: Template; content: Template }
  | { server: 'sms'; kind: 'deliver'; from: Template; text: Template }
  | { server: 'network'; kind: 'drop' | 'restore' }
  /** `rssi` as AT+CSQ reports it: 0–31, or 99 for no signal. */
  | { server: 'network'; kind: 'signal'; rssi: number }

/** One row of the table. */
export interface Step {
  /** The table's number, e.g. "4.1"; generated ("s1", "t2") for setup/teardown steps without one. */
  no: string
  description?: string
  action: StepAction
  /** Lines expected in the step's window (response lines and URCs, in order among themselves). */
  expect: LineMatcher[]
  /** The final result code; undefined means the step accepts `OK`, for `send`/`data` steps. */
  final?: FinalMatcher
  /** URCs that must arrive within `urcWithinMs` of the step's start; order against the final result is not enforced. */
  urcs: LineMatcher[]
  /** `expect: { raw: ... }`: bytes that must arrive in the step's window as written, whether a line end follows or not. */
  raw?: Template[]
  urcWithinMs?: number
  broker?: BrokerCheck
  /** Checks on what far-side servers received within the step's window, all of which must hold. */
  server?: ServerCheck[]
  /** Per-step timeout for the final result (and, unless `urcWithinMs`, for URCs). */
  timeoutMs?: number
  retry?: { times: number; everyMs: number }
  continueOnFailure: boolean
  at: SourceLocation
}

/** A variable value as written under `vars`; `secret` values are masked in every report. */
export interface VarValue {
  value: string
  secret: boolean
}

/** A variable the file declares the run gives it (`inputs:`), so templates may use it though the file has no value. */
export interface SequenceInput {
  name: string
  description?: string
  at: SourceLocation
}

export type Phase = 'setup' | 'steps' | 'teardown'

/** A whole sequence file, loaded and validated. */
export interface Sequence {
  file: string
  /** sha256 of the file's bytes, for the report's provenance. */
  sha256: string
  name: string
  system?: string
  source?: string
  device?: string
  tags: string[]
  vars: Record<string, VarValue>
  /** Variables the run must give (`inputs:`); absent when the file declares none. */
  inputs?: SequenceInput[]
  /** Lines that fail the running step at once (like chat's ABORT), e.g. `+CMQTTCONNLOST:`. */
  abort: LineMatcher[]
  /** Default timeout for steps that set none. */
  defaultTimeoutMs: number
  /** How long a command waits for a late final result the previous one owes (`settle:`); unset: the device's. */
  settleMs?: number
  setup: Step[]
  steps: Step[]
  teardown: Step[]
  at: SourceLocation
}
