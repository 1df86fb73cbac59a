import { createHash } from 'node:crypto'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import { formatDuration, MAX_DURATION_MS, parseDuration } from './duration.js'
import { isFinalResultMatcher, parseLineText } from './line-matcher.js'
import { familiesFor } from '../modem/families/index.js'
import type {
  BrokerMessage,
  DataEnd,
  FinalMatcher,
  LineMatcher,
  Phase,
  Sequence,
  Step,
  StepAction,
  Template,
  VarValue,
} from '../model/sequence.js'
import { describeStepContext, isRecord } from './step-context.js'
import { buildRawBytes, isRawBytes } from './build-raw-bytes.js'
import { checkTemplate, hasExpressions } from './template.js'
import { judgeRegexSource } from './judge-regex-source.js'
import { buildInputs } from './build-inputs.js'
import { buildServeAction, buildServerChecks, type ServerStepBuilder } from './build-server-steps.js'
import { locateKey, locatePath, nodeAt, type PathSegment, type YamlSource } from './yaml-source.js'
import { locateScalarText } from './locate-scalar-text.js'

/** The default step timeout when a sequence sets none. */
export const DEFAULT_STEP_TIMEOUT_MS = 10_000

type Data = Record<string, unknown>

/** Everything the builder needs to turn schema-valid data into the loaded model, collecting the checks the schema cannot express. */
interface BuildContext {
  source: YamlSource
  root: Data
  diagnostics: Diagnostic[]
  /** The final result codes the sequence's family adds to V.250's (`SEND OK`); every family's when `device:` names none. */
  familyFinals: readonly string[]
}

/** Turns schema-valid data into a `Sequence`, checking what the schema cannot (regexes, templates, secrets, one-line commands). */
export function buildSequence(root: Data, source: YamlSource, bytes: Buffer): { sequence: Sequence; diagnostics: Diagnostic[] } {
  const device = typeof root['device'] === 'string' ? root['device'] : undefined
  const familyFinals = familiesFor(device).flatMap(family => family.chatProfile.finalResults ?? [])
  const ctx: BuildContext = { source, root, diagnostics: [], familyFinals }
  const sequence: Sequence = {
    file: source.file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    name: root['sequence'] as string,
    ...optionalText(root, ['system', 'source', 'device']),
    tags: (root['tags'] as string[] | undefined) ?? [],
    vars: buildVars(ctx),
    ...buildInputs(root, source),
    abort: buildLines(ctx, ['abort']),
    defaultTimeoutMs: typeof root['timeout'] === 'string' ? parseDuration(root['timeout']) : DEFAULT_STEP_TIMEOUT_MS,
    ...(typeof root['settle'] === 'string' ? { settleMs: parseDuration(root['settle']) } : {}),
    setup: buildPhase(ctx, 'setup'),
    steps: buildPhase(ctx, 'steps'),
    teardown: buildPhase(ctx, 'teardown'),
    at: locatePath(source, []),
  }
  checkDurations(ctx, [], [['timeout'], ['settle']])
  return { sequence, diagnostics: ctx.diagnostics }
}

/** Durations beyond MAX_DURATION_MS would overflow a timer (and fire at once); each is reported where it is written. */
function checkDurations(ctx: BuildContext, path: PathSegment[], keys: readonly PathSegment[][]): void {
  for (const key of keys) {
    const text = readPath(readPath(ctx.root, path), key)
    if (typeof text !== 'string' || parseDuration(text) <= MAX_DURATION_MS) continue
    ctx.diagnostics.push(
      errorAt(
        locatePath(ctx.source, [...path, ...key]),
        'duration-out-of-range',
        `${path.length === 0 ? '' : describeStepContext(path, ctx.root)}${text} is longer than the longest duration, ${formatDuration(MAX_DURATION_MS)}`,
        `write at most ${formatDuration(MAX_DURATION_MS)}`,
      ),
    )
  }
}

function buildVars(ctx: BuildContext): Record<string, VarValue> {
  const written = (ctx.root['vars'] ?? {}) as Record<string, unknown>
  const secrets = (ctx.root['secrets'] ?? []) as string[]
  const vars: Record<string, VarValue> = {}
  for (const [name, value] of Object.entries(written)) {
    const plain = isRecord(value) ? value['value'] : value
    vars[name] = { value: String(plain), secret: (isRecord(value) && value['secret'] === true) || secrets.includes(name) }
  }
  secrets.forEach((name, i) => {
    if (!Object.hasOwn(vars, name)) {
      ctx.diagnostics.push(
        errorAt(
          locatePath(ctx.source, ['secrets', i]),
          'unknown-secret',
          `secret '${name}' is not a variable under vars:`,
          'add it under vars: or remove it from secrets:',
        ),
      )
    }
  })
  return vars
}

function buildPhase(ctx: BuildContext, phase: Phase): Step[] {
  const steps = (ctx.root[phase] ?? []) as Data[]
  return steps.map((step, index) => buildStep(ctx, phase, index, step))
}

function buildStep(ctx: BuildContext, phase: Phase, index: number, data: Data): Step {
  const path: PathSegment[] = [phase, index]
  const written = buildLines(ctx, [...path, 'expect']) // { raw: ... } items are built apart (buildRawBytes)
  const last = written[written.length - 1]
  const final: FinalMatcher | undefined =
    last !== undefined && isFinalResultMatcher(last, ctx.familyFinals) ? { matcher: last as FinalMatcher['matcher'] } : undefined
  const step: Step = {
    no: data['no'] === undefined ? defaultNumber(phase, index) : String(data['no']),
    ...optionalText(data, ['description']),
    action: buildAction(ctx, path, data),
    expect: final === undefined ? written : written.slice(0, -1),
    ...(final === undefined ? {} : { final }),
    urcs: [...buildLines(ctx, [...path, 'wait']), ...buildLines(ctx, [...path, 'urc'])],
    ...buildRawBytes(ctx.root, [...path, 'expect'], (at: PathSegment[]) => buildTemplate(ctx, at)),
    ...optionalDuration(data, 'within', 'urcWithinMs'),
    ...(isRecord(data['broker']) ? { broker: buildBrokerCheck(ctx, [...path, 'broker'], data['broker']) } : {}),
    ...(isRecord(data['server']) ? { server: buildServerChecks(lendBuilder(ctx), [...path, 'server']) } : {}),
    ...optionalDuration(data, 'timeout', 'timeoutMs'),
    ...(isRecord(data['retry'])
      ? { retry: { times: data['retry']['times'] as number, everyMs: parseDuration(data['retry']['every'] as string) } }
      : {}),
    continueOnFailure: data['continue_on_failure'] === true,
    at: locatePath(ctx.source, path),
  }
  checkStep(ctx, path, data)
  checkDurations(ctx, path, [['sleep'], ['timeout'], ['within'], ['retry', 'every'], ['serve', 'http', 'delay']])
  return step
}

function buildAction(ctx: BuildContext, path: PathSegment[], data: Data): StepAction {
  if (typeof data['send'] === 'string') return { kind: 'send', command: buildTemplate(ctx, [...path, 'send']) }
  if (typeof data['data'] === 'string') {
    return {
      kind: 'data',
      data: buildTemplate(ctx, [...path, 'data']),
      encoding: data['hex'] === true ? 'hex' : 'text',
      end: (data['end'] ?? 'none') as DataEnd,
    }
  }
  if (data['wait'] !== undefined) return { kind: 'wait' }
  if (typeof data['sleep'] === 'string') return { kind: 'sleep', durationMs: parseDuration(data['sleep']) }
  if (isRecord(data['publish'])) return { kind: 'publish', message: buildBrokerMessage(ctx, [...path, 'publish'], data['publish']) }
  if (typeof data['todo'] === 'string') return { kind: 'todo', original: data['todo'] }
  if (isRecord(data['serve'])) return { kind: 'serve', serve: buildServeAction(lendBuilder(ctx), [...path, 'serve']) }
  return { kind: 'check' }
}

function lendBuilder(ctx: BuildContext): ServerStepBuilder {
  return {
    root: ctx.root,
    diagnostics: ctx.diagnostics,
    template: path => buildTemplate(ctx, path),
    locate: path => locatePath(ctx.source, path),
    checkRegex: (path, pattern, flags) => checkRegex(ctx, path, pattern, flags),
  }
}

function buildBrokerCheck(ctx: BuildContext, path: PathSegment[], data: Data): NonNullable<Step['broker']> {
  return { received: buildBrokerMessage(ctx, [...path, 'received'], data['received'] as Data), will: data['will'] === true }
}

function buildBrokerMessage(ctx: BuildContext, path: PathSegment[], data: Data): BrokerMessage {
  return {
    topic: buildTemplate(ctx, [...path, 'topic']),
    ...(typeof data['payload'] === 'string' ? { payload: buildTemplate(ctx, [...path, 'payload']) } : {}),
    ...(data['qos'] === undefined ? {} : { qos: data['qos'] as 0 | 1 | 2 }),
    ...(data['retain'] === undefined ? {} : { retain: data['retain'] as boolean }),
  }
}

/** A line or a list of lines at `path` (absent: an empty list). */
function buildLines(ctx: BuildContext, path: PathSegment[]): LineMatcher[] {
  const value = readPath(ctx.root, path)
  if (value === undefined || isRawBytes(value)) return []
  if (!Array.isArray(value)) return [buildLineMatcher(ctx, path, value)]
  return value.flatMap((item, i) => (isRawBytes(item) ? [] : [buildLineMatcher(ctx, [...path, i], item)]))
}

function buildLineMatcher(ctx: BuildContext, path: PathSegment[], value: unknown): LineMatcher {
  if (isRecord(value)) {
    checkNotPlacement(ctx, path)
    return { kind: 'absent', matcher: buildPresentMatcher(ctx, [...path, 'not']) }
  }
  return buildPresentMatcher(ctx, path)
}

/**
 * `{ not: X }` is only sound under `expect:`, where the step's whole window is judged. `urc:` and `wait:` list lines
 * that must arrive (their wait ends when they do, so it cannot prove an absence), and `abort:` acts on a line as it
 * arrives: a line that does not arrive gives it nothing to act on.
 */
function checkNotPlacement(ctx: BuildContext, path: PathSegment[]): void {
  const key = path.find(segment => segment === 'urc' || segment === 'wait' || segment === 'abort')
  if (key === undefined) return
  ctx.diagnostics.push(
    errorAt(
      locateKey(ctx.source, path, 'not'),
      'misplaced-not',
      `${path[0] === 'abort' ? '' : describeStepContext(path, ctx.root)}{ not: ... } has no meaning under ${key}:, which ${key === 'abort' ? 'acts on lines that arrive' : 'lists lines that must arrive'}`,
      "move it under the step's expect:, where a line that must not arrive is checked over the step's window",
    ),
  )
}

function buildPresentMatcher(ctx: BuildContext, path: PathSegment[]): Exclude<LineMatcher, { kind: 'absent' }> {
  const matcher = parseLineText(buildTemplate(ctx, path))
  if (matcher.kind === 'regex') checkRegex(ctx, path, matcher.pattern, matcher.flags)
  return matcher
}

function buildTemplate(ctx: BuildContext, path: PathSegment[]): Template {
  const text = String(readPath(ctx.root, path))
  const node = nodeAt(ctx.source, path)
  const template: Template =
    node === undefined ? { text, at: locatePath(ctx.source, path, true) } : { text, ...locateScalarText(ctx.source, node, text) }
  const problem = checkTemplate(template)
  if (problem !== undefined) ctx.diagnostics.push(withContext(ctx, path, problem))
  return template
}

function checkRegex(ctx: BuildContext, path: PathSegment[], pattern: Template, flags: string): void {
  // Expressions are rendered before matching; a placeholder keeps `{{client}}` from reading as a quantifier.
  const source = hasExpressions(pattern.text) ? pattern.text.replace(/\{\{[^}]*\}\}/g, 'x') : pattern.text
  const verdict = judgeRegexSource(source, flags)
  if (verdict.kind === 'bad-regex') {
    ctx.diagnostics.push(
      errorAt(
        pattern.at,
        'bad-regex',
        `${describeStepContext(path, ctx.root)}the regular expression /${pattern.text}/${flags} is not valid: ${verdict.reason}`,
      ),
    )
  } else if (verdict.kind === 'regex-unsupported') {
    ctx.diagnostics.push(
      errorAt(
        pattern.at,
        'regex-unsupported',
        `${describeStepContext(path, ctx.root)}the regular expression /${pattern.text}/${flags} is ${verdict.reason}`,
        'match the line without lookaround or backreferences, e.g. with a capture group and a later step',
      ),
    )
  }
}

function checkStep(ctx: BuildContext, path: PathSegment[], data: Data): void {
  // The step's name goes into messages only; most steps have none, so it is worked out only when needed.
  const describe = (): string => describeStepContext(path, ctx.root)
  const send = data['send']
  if (typeof send === 'string' && /[\r\n]/.test(send.replace(/\n$/, ''))) {
    ctx.diagnostics.push(
      errorAt(
        locatePath(ctx.source, [...path, 'send']),
        'multiline-command',
        `${describe()}an AT command is one line; this one has several`,
        'write one command per step',
      ),
    )
  } else if (typeof send === 'string' && send.endsWith('\n')) {
    ctx.diagnostics.push(
      errorAt(
        locatePath(ctx.source, [...path, 'send']),
        'multiline-command',
        `${describe()}the command ends with a line break (a YAML | or > block keeps it)`,
        'write the command on the same line as send:',
      ),
    )
  }
  if (
    data['hex'] === true &&
    typeof data['data'] === 'string' &&
    !hasExpressions(data['data']) &&
    !/^(\s*[0-9a-fA-F]{2})+\s*$/.test(data['data'])
  ) {
    ctx.diagnostics.push(
      errorAt(locatePath(ctx.source, [...path, 'data']), 'bad-hex', `${describe()}hex data must be pairs of hex digits, e.g. 1A 0D 0A`),
    )
  }
  if (data['within'] !== undefined && data['urc'] === undefined && data['wait'] === undefined) {
    ctx.diagnostics.push(
      errorAt(
        locateKey(ctx.source, path, 'within'),
        'misplaced-key',
        `${describe()}'within' only applies to a step with urc: or wait:`,
        'add the URC to wait for, or remove within:',
      ),
    )
  }
}

function withContext(ctx: BuildContext, path: PathSegment[], d: Diagnostic): Diagnostic {
  return { ...d, message: `${describeStepContext(path, ctx.root)}${d.message}` }
}

function readPath(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root
  for (const segment of path)
    current = isRecord(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment as string] : undefined
  return current
}

function optionalText(data: Data, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter(k => typeof data[k] === 'string').map(k => [k, data[k] as string]))
}

function optionalDuration(data: Data, key: string, field: 'urcWithinMs' | 'timeoutMs'): Partial<Record<typeof field, number>> {
  return typeof data[key] === 'string' ? { [field]: parseDuration(data[key]) } : {}
}

function defaultNumber(phase: Phase, index: number): string {
  if (phase === 'setup') return `s${index + 1}`
  if (phase === 'teardown') return `t${index + 1}`
  return String(index + 1)
}
