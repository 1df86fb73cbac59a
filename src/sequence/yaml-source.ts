import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from 'yaml'
import { errorAt, warningAt, type Diagnostic } from '../model/diagnostic.js'
import type { SourceLocation } from '../model/sequence.js'
import { withYamlDebugEnv } from './yaml-debug-env.js'

/** A parsed YAML file that still knows where every node was written. */
export interface YamlSource {
  file: string
  text: string
  doc: Document.Parsed
  lines: LineCounter
  /** The document as plain data (what the schema checks): numbers kept as the text written, except under `qos` and `times`. */
  data: unknown
  /** Each mapping's pairs by key, filled while reading the data or on first lookup: paths are located many times per file. */
  pairs: PairIndex
}

type PairIndex = Map<YAMLMap, Map<string, Pair>>

export type PathSegment = string | number

/** Keys whose values are numbers; every other number is kept as the text written (`0123` stays `0123`, `4.10` stays `4.10`). */
const NUMERIC_KEYS = new Set(['qos', 'times'])

const YAML_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'quote values that contain \': \', e.g. urc: "+CMQTTSTART: 0"',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation and that every [ and { is closed',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BAD_SCALAR_START: 'quote values that start with a YAML indicator such as > | @ ` (e.g. data: ">0123")',
}

/** Parses YAML text keeping positions; syntax problems, duplicate keys and extra documents come back as diagnostics. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter()
  const doc = withYamlDebugEnv(() => parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true }))
  const diagnostics = [
    ...doc.errors.map(e => describeYamlProblem(file, e, 'error')),
    ...doc.warnings.map(e => describeYamlProblem(file, e, 'warning')),
  ]
  if (doc.errors.length > 0) return { diagnostics }
  if (doc.contents === null || isEmptyScalar(doc.contents)) {
    diagnostics.push(
      errorAt({ file, line: 1, col: 1 }, 'empty-file', 'the file holds no sequence', 'start with `sequence: <name>` and a `steps:` list'),
    )
    return { diagnostics }
  }
  const pairs: PairIndex = new Map()
  let data: unknown
  try {
    data = readPlainData(doc, text, pairs)
  } catch (error) {
    // yaml refuses to expand aliases past its limit (a "billion laughs" file) with a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error
    diagnostics.push(
      errorAt(
        { file, line: 1, col: 1 },
        'yaml-too-many-aliases',
        'the file expands its YAML aliases (*name) too many times to be read',
        'write the values out, or use fewer aliases',
      ),
    )
    return { diagnostics }
  }
  return { source: { file, text, doc, lines, data, pairs }, diagnostics }
}

/** Where a node starts (for quoted strings: the first character inside the quotes). */
export function locateNode(source: YamlSource, node: Node | null | undefined, contentStart = false): SourceLocation {
  const offset = node?.range?.[0] ?? 0
  const quoted = contentStart && isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)
  return locateOffset(source, offset + (quoted ? 1 : 0))
}

/** Where the value at `path` is written; falls back to the nearest enclosing node that exists. */
export function locatePath(source: YamlSource, path: readonly PathSegment[], contentStart = false): SourceLocation {
  const node = nodeAt(source, path)
  if (node !== undefined) return locateNode(source, node, contentStart)
  for (let n = path.length - 1; n >= 0; n--) {
    const node = nodeAt(source, path.slice(0, n))
    if (node !== undefined) return locateNode(source, node)
  }
  return { file: source.file, line: 1, col: 1 }
}

/** Where the key `key` of the mapping at `path` is written (the value's parent when the key is absent). */
export function locateKey(source: YamlSource, path: readonly PathSegment[], key: string): SourceLocation {
  const map = nodeAt(source, path)
  if (isMap(map)) {
    const pair = pairAt(source, map, key)
    if (pair !== undefined && isScalar(pair.key)) return locateNode(source, pair.key)
  }
  return locatePath(source, path)
}

/** The YAML node at a path of keys and indexes, if any. */
export function nodeAt(source: YamlSource, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = source.doc.contents
  for (const segment of path) {
    if (isMap(node)) node = indexPairs(source, node).get(String(segment))?.value
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment]
    else return undefined
  }
  return node !== null && typeof node === 'object' ? (node as Node) : undefined
}

/** The pair written for `key` in a mapping, if any. */
export function pairAt(source: YamlSource, map: YAMLMap, key: string): Pair | undefined {
  return indexPairs(source, map).get(key)
}

/** A mapping's pairs by key as the plain data spells it (the first pair when a key is written twice). */
function indexPairs(source: YamlSource, map: YAMLMap): Map<string, Pair> {
  let index = source.pairs.get(map)
  if (index === undefined) {
    index = new Map()
    for (const pair of map.items)
      if (isScalar(pair.key) && !index.has(keyText(pair.key, source.text))) index.set(keyText(pair.key, source.text), pair)
    source.pairs.set(map, index)
  }
  return index
}

/** A scalar key as plain data names it: numbers as written (`4.10:` stays `4.10`), anything else through String(). */
function keyText(key: Scalar, text: string): string {
  if (typeof key.value === 'number' && key.range !== undefined && key.range !== null) return text.slice(key.range[0], key.range[1])
  return key.value === null ? '' : String(key.value)
}

function locateOffset(source: YamlSource, offset: number): SourceLocation {
  const pos = source.lines.linePos(offset)
  return { file: source.file, line: pos.line, col: pos.col }
}

function describeYamlProblem(file: string, problem: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const pos = problem.linePos?.[0] ?? { line: 1, col: 1 }
  const at = { file, line: pos.line, col: pos.col }
  const sentence = firstSentence(problem.message)
  if (problem.code === 'DUPLICATE_KEY')
    return errorAt(at, 'duplicate-key', 'this key is written twice in the same mapping', 'remove or rename one of them')
  if (problem.code === 'MULTIPLE_DOCS')
    return errorAt(
      at,
      'multiple-documents',
      'a sequence file holds one YAML document, this is a second one',
      'put each sequence in its own file',
    )
  const build = severity === 'error' ? errorAt : warningAt
  return build(at, severity === 'error' ? 'yaml-syntax' : 'yaml-warning', `YAML: ${lowerFirst(sentence)}`, YAML_HINTS[problem.code])
}

function firstSentence(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/)
  return (cut >= 0 ? message.slice(0, cut) : (message.split('\n')[0] ?? message)).trim()
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === '')
}

/** Marks a node the direct conversion leaves to yaml's own `toJS` (aliases, explicit tags, merge keys, collection keys). */
const NOT_PLAIN = Symbol('not plain')

/**
 * The document as plain data in one walk over its nodes, numbers as written. Documents with aliases, explicit tags,
 * merge keys or collection keys take yaml's own `toJS` after rewriting numbers in the tree, as the loader always did.
 */
function readPlainData(doc: Document.Parsed, text: string, pairs: PairIndex): unknown {
  const data = convertNode(doc.contents, { text, pairs }, false)
  if (data !== NOT_PLAIN) return data
  pairs.clear()
  keepNumbersAsWritten(doc, text)
  return doc.toJS({ maxAliasCount: 100 }) as unknown
}

interface ConvertContext {
  text: string
  pairs: PairIndex
}

function convertNode(node: unknown, ctx: ConvertContext, isNumericValue: boolean): unknown {
  if (node === null || node === undefined) return null
  if (isAlias(node) || (node as Node).tag !== undefined) return NOT_PLAIN
  if (isScalar(node)) return convertScalar(node, ctx.text, isNumericValue)
  if (isMap(node)) return convertMap(node, ctx)
  if (isSeq(node)) {
    const items: unknown[] = []
    for (const item of node.items) {
      const value = convertNode(item, ctx, false)
      if (value === NOT_PLAIN) return NOT_PLAIN
      items.push(value)
    }
    return items
  }
  return NOT_PLAIN
}

function convertScalar(node: Scalar, text: string, isNumericValue: boolean): unknown {
  const value = node.value
  if (typeof value === 'number')
    return isNumericValue || node.range === undefined || node.range === null ? value : text.slice(node.range[0], node.range[1])
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value
  return NOT_PLAIN
}

/** Names a plain object inherits (`__proto__`, `constructor`, `toString`...): assigning those would not make an own property. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype))

function convertMap(node: YAMLMap, ctx: ConvertContext): unknown {
  const map: Record<string, unknown> = {}
  const index = new Map<string, Pair>()
  ctx.pairs.set(node, index)
  for (const pair of node.items) {
    const key = pair.key
    if (key !== null && (!isScalar(key) || key.tag !== undefined || typeof key.value === 'symbol' || key.value === '<<')) return NOT_PLAIN
    const name = key === null ? '' : keyText(key, ctx.text)
    if (key !== null && !index.has(name)) index.set(name, pair as Pair)
    const value = convertNode(pair.value, ctx, NUMERIC_KEYS.has(name))
    if (value === NOT_PLAIN) return NOT_PLAIN
    // As yaml's toJS: `__proto__` (or any inherited name) becomes an own property, never the prototype.
    if (INHERITED_NAMES.has(name)) Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true })
    else map[name] = value
  }
  return map
}

function keepNumbersAsWritten(doc: Document.Parsed, text: string): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'number' || node.range === undefined || node.range === null) return
      const parent = path[path.length - 1]
      if (key === 'value' && isPair(parent) && isScalar(parent.key) && NUMERIC_KEYS.has(String(parent.key.value))) return
      node.value = text.slice(node.range[0], node.range[1])
    },
  })
}
