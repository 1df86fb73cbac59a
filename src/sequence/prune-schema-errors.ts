import type { ErrorObject } from 'ajv/dist/2020.js'
import { isRecord, readIn } from './step-context.js'
import { listSchemaErrors } from './sequence-schema.js'

type Segment = string | number

const PHASES = new Set(['setup', 'steps', 'teardown'])

/** Each round takes out what the schema refused; a value taken out can only reveal problems in what held it, a few levels up. */
const MAX_ROUNDS = 8

/**
 * A copy of schema-invalid data with every value the schema refused taken out, so the checks that follow the schema
 * (regexes, templates, durations, names) still see the rest of the file and `validate` reports every problem at once.
 * What is left may still lack a required key or hold a step with no action or two: the builder reads those safely.
 * Undefined when nothing of the file is left (it is not a mapping).
 */
export function pruneSchemaErrors(data: unknown): Record<string, unknown> | undefined {
  if (!isRecord(data)) return undefined
  const pruned = structuredClone(data)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const targets = listSchemaErrors(pruned).flatMap(e => listPruneTarget(e, pruned))
    if (targets.length === 0) return pruned
    for (const path of targets) prunePath(pruned, path)
  }
  return undefined
}

/** The path of the value an error is about, or none when the error is only about a missing key or a step's action. */
function listPruneTarget(e: ErrorObject, root: unknown): Segment[][] {
  const path = decodePointer(e.instancePath, root)
  const params = e.params as Record<string, unknown>
  if (e.keyword === 'oneOf' || e.schemaPath.includes('/step/oneOf/')) return []
  if (e.keyword === 'required') return path.length === 0 || isStepPath(path) ? [] : [path]
  if (e.keyword === 'additionalProperties') return [[...path, String(params['additionalProperty'])]]
  if (e.keyword === 'dependentRequired') return [[...path, String(params['property'])]]
  // A bad variable name: `propertyNames` names the key, and the errors under it carry the key as `propertyName`.
  if (e.keyword === 'propertyNames') return [[...path, String(params['propertyName'])]]
  if (e.propertyName !== undefined) return [[...path, e.propertyName]]
  return [path]
}

function isStepPath(path: readonly Segment[]): boolean {
  return path.length === 2 && PHASES.has(String(path[0])) && typeof path[1] === 'number'
}

/**
 * Takes the value at `path` out so that the places of the values that stay, which diagnostics point at, do not
 * move: a list item takes its whole list with it (a step only becomes an empty step), and a variable keeps its name
 * with an empty value (it is still declared).
 */
function prunePath(root: Record<string, unknown>, path: readonly Segment[]): void {
  const item = path.findIndex((segment, i) => typeof segment === 'number' && !(i === 1 && PHASES.has(String(path[0]))))
  if (item > 0) return prunePath(root, path.slice(0, item))
  const parent = readIn(root, path.slice(0, -1))
  const key = path[path.length - 1]
  if (key === undefined) return
  if (isStepPath(path) && Array.isArray(parent)) parent[key as number] = {}
  else if (path.length === 2 && path[0] === 'vars' && isRecord(parent)) parent[key] = ''
  else if (isRecord(parent)) delete parent[key]
}

/** JSON pointer to path segments; a segment into a list becomes its index. */
function decodePointer(pointer: string, root: unknown): Segment[] {
  if (pointer === '') return []
  const segments: Segment[] = []
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    segments.push(Array.isArray(readIn(root, segments)) ? Number(key) : key)
  }
  return segments
}
