import { isMap, isPair, isScalar, LineCounter, parseDocument, Scalar, visit, type Document, type Node, type YAMLError } from 'yaml'
import { errorAt, warningAt, type Diagnostic } from './diagnostic.js'
import type { SourceLocation } from './model.js'

/** A parsed YAML file that still knows where every node was written. */
export interface YamlSource {
  file: string
  text: string
  doc: Document.Parsed
  lines: LineCounter
}

export type PathSegment = string | number

/** Keys whose values are numbers; every other number is kept as the text written (`0123` stays `0123`, `4.10` stays `4.10`). */
const NUMERIC_KEYS = new Set(['qos', 'times'])

const YAML_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "quote values that contain ': ', e.g. urc: \"+CMQTTSTART: 0\"",
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation and that every [ and { is closed',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BAD_SCALAR_START: "quote values that start with a YAML indicator such as > | @ ` (e.g. data: \">0123\")",
}

/** Parses YAML text keeping positions; syntax problems, duplicate keys and extra documents come back as diagnostics. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true })
  const diagnostics = [
    ...doc.errors.map(e => describeYamlProblem(file, e, 'error')),
    ...doc.warnings.map(e => describeYamlProblem(file, e, 'warning')),
  ]
  if (doc.errors.length > 0) return { diagnostics }
  if (doc.contents === null || isEmptyScalar(doc.contents)) {
    diagnostics.push(errorAt({ file, line: 1, col: 1 }, 'empty-file', 'the file holds no sequence', 'start with `sequence: <name>` and a `steps:` list'))
    return { diagnostics }
  }
  const source = { file, text, doc, lines }
  keepNumbersAsWritten(source)
  return { source, diagnostics }
}

/** Where a node starts (for quoted strings: the first character inside the quotes). */
export function locateNode(source: YamlSource, node: Node | null | undefined, contentStart = false): SourceLocation {
  const offset = node?.range?.[0] ?? 0
  const quoted = contentStart && isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)
  return locateOffset(source, offset + (quoted ? 1 : 0))
}

/** Where the value at `path` is written; falls back to the nearest enclosing node that exists. */
export function locatePath(source: YamlSource, path: readonly PathSegment[], contentStart = false): SourceLocation {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(source, path.slice(0, n))
    if (node !== undefined) return locateNode(source, node, contentStart && n === path.length)
  }
  return { file: source.file, line: 1, col: 1 }
}

/** Where the key `key` of the mapping at `path` is written (the value's parent when the key is absent). */
export function locateKey(source: YamlSource, path: readonly PathSegment[], key: string): SourceLocation {
  const map = nodeAt(source, path)
  if (isMap(map)) {
    const pair = map.items.find(p => isScalar(p.key) && String(p.key.value) === key)
    if (pair !== undefined && isScalar(pair.key)) return locateNode(source, pair.key)
  }
  return locatePath(source, path)
}

/** The YAML node at a path of keys and indexes, if any. */
export function nodeAt(source: YamlSource, path: readonly PathSegment[]): Node | undefined {
  if (path.length === 0) return source.doc.contents ?? undefined
  const node = source.doc.getIn(path, true)
  return node !== null && typeof node === 'object' ? (node as Node) : undefined
}

function locateOffset(source: YamlSource, offset: number): SourceLocation {
  const pos = source.lines.linePos(offset)
  return { file: source.file, line: pos.line, col: pos.col }
}

function describeYamlProblem(file: string, problem: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const pos = problem.linePos?.[0] ?? { line: 1, col: 1 }
  const at = { file, line: pos.line, col: pos.col }
  const sentence = firstSentence(problem.message)
  if (problem.code === 'DUPLICATE_KEY') return errorAt(at, 'duplicate-key', 'this key is written twice in the same mapping', 'remove or rename one of them')
  if (problem.code === 'MULTIPLE_DOCS') return errorAt(at, 'multiple-documents', 'a sequence file holds one YAML document, this is a second one', 'put each sequence in its own file')
  const build = severity === 'error' ? errorAt : warningAt
  return build(at, severity === 'error' ? 'yaml-syntax' : 'yaml-warning', `YAML: ${lowerFirst(sentence)}`, YAML_HINTS[problem.code])
}

function firstSentence(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/)
  return (cut >= 0 ? message.slice(0, cut) : message.split('\n')[0] ?? message).trim()
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === '')
}

function keepNumbersAsWritten(source: YamlSource): void {
  visit(source.doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'number' || node.range === undefined || node.range === null) return
      const parent = path[path.length - 1]
      if (key === 'value' && isPair(parent) && isScalar(parent.key) && NUMERIC_KEYS.has(String(parent.key.value))) return
      node.value = source.text.slice(node.range[0], node.range[1])
    },
  })
}
