/**
 * Checks a suite file's data against `schemas/suite.schema.json`; each violation becomes a located diagnostic
 * with a stable code (`suite-schema`) and a short requirement, as ajv reports it.
 */
import { readFileSync } from 'node:fs'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { createAjv2020 } from '../sequence/create-ajv.js'
import { isMap, isSeq, LineCounter, type Document, type Node } from 'yaml'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import type { SourceLocation } from '../model/sequence.js'

/** A parsed YAML document with what is needed to point at its nodes. */
export interface SuiteSource {
  file: string
  doc: Document
  lines: LineCounter
}

let validateSuite: ValidateFunction | undefined

/** The suite JSON Schema as published. */
export function readSuiteSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../schemas/suite.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>
}

/** Validates plain data; returns one diagnostic per problem, located at the offending node. */
export function checkSuiteSchema(data: unknown, source: SuiteSource): Diagnostic[] {
  validateSuite ??= createAjv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(readSuiteSchema())
  if (validateSuite(data)) return []
  const seen = new Set<string>()
  return (validateSuite.errors ?? []).filter(isWorthShowing).flatMap(error => {
    const diagnostic = describeError(error, source)
    const key = `${diagnostic.at.line}:${diagnostic.at.col}:${diagnostic.message}`
    if (seen.has(key)) return []
    seen.add(key)
    return [diagnostic]
  })
}

/** `anyOf` repeats what its branches said; the branches are more useful. */
function isWorthShowing(error: ErrorObject): boolean {
  return error.keyword !== 'anyOf'
}

function describeError(error: ErrorObject, source: SuiteSource): Diagnostic {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
  const at = locate(source, path)
  const where = path.length === 0 ? 'the suite' : `\`${path.join('.')}\``
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty)
      return errorAt(
        locate(source, [...path, key]),
        'suite-unknown-key',
        `unknown key \`${key}\` in ${where}`,
        'see schemas/suite.schema.json for the keys a suite may have',
      )
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty)
      return errorAt(at, 'suite-missing-key', `${where} needs \`${key}\``)
    }
    default:
      return errorAt(at, 'suite-schema', `${where} ${error.message ?? 'is invalid'}`)
  }
}

/** Where a path of keys and indexes was written; the nearest existing parent when it is missing. */
export function locate(source: SuiteSource, path: readonly string[]): SourceLocation {
  let node: Node | null | undefined = source.doc.contents as Node | null
  let found: Node | null | undefined = node
  for (const part of path) {
    if (isMap(node)) {
      const pair: { key: unknown; value: unknown } | undefined = node.items.find(
        item => String((item.key as { value?: unknown } | null)?.value ?? item.key) === part,
      )
      node = (pair?.value as Node | null | undefined) ?? (pair?.key as Node | undefined)
    } else if (isSeq(node)) node = node.items[Number(part)] as Node | undefined
    else node = undefined
    if (node === undefined || node === null) break
    found = node
  }
  const offset = found?.range?.[0] ?? 0
  const { line, col } = source.lines.linePos(offset)
  return { file: source.file, line, col }
}
