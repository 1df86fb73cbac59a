import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { isScalar, Scalar } from 'yaml'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import { describeStepContext, describeSubject, isRecord, readIn } from './step-context.js'
import { listSchemaErrors, loadCompiledSchema } from './sequence-schema.js'
import { suggestClosest } from './suggest.js'
import { locateKey, locatePath, nodeAt, type PathSegment, type YamlSource } from './yaml-source.js'

type JsonSchema = Record<string, unknown>

const ACTION_KEYS = ['send', 'data', 'wait', 'sleep', 'publish', 'serve', 'todo'] as const

/** Validates the plain data of a sequence file against the schema; every violation becomes one located, human diagnostic. */
export function checkAgainstSchema(data: unknown, source: YamlSource): Diagnostic[] {
  const errors = listSchemaErrors(data)
  return errors.length === 0 ? [] : dedupe(explainErrors(errors, [], data, source))
}

function explainErrors(errors: readonly ErrorObject[], prefix: PathSegment[], root: unknown, source: YamlSource): Diagnostic[] {
  const composites = errors.filter(isCompositeError)
  // ajv reports an outer anyOf after the branches it tried, so the last composite at a path is the outermost one there.
  const outer = composites.filter(
    (c, i) =>
      !composites.some(o => o.instancePath !== c.instancePath && isUnder(c.instancePath, o.instancePath)) &&
      !composites.slice(i + 1).some(o => o.instancePath === c.instancePath),
  )
  const inside = (e: ErrorObject): boolean => composites.some(c => isUnder(e.instancePath, c.instancePath) || e === c)
  const diagnostics: Diagnostic[] = []
  for (const e of errors) {
    if (e.keyword === 'propertyNames' || isMisspeltRequired(e, errors)) continue
    if (isStepActionError(e)) diagnostics.push(explainStepAction(e, prefix, root, source))
    else if (isStepActionBranch(e)) continue
    else if (!inside(e)) diagnostics.push(explainError(e, [...prefix, ...decodePointer(e.instancePath, root, prefix)], root, source))
  }
  for (const c of outer) diagnostics.push(...explainComposite(c, prefix, root, source))
  return diagnostics
}

/** A missing key that an unknown key next to it is a misspelling of: one mistake, reported once as the unknown key. */
function isMisspeltRequired(e: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (e.keyword !== 'required') return false
  const missing = String((e.params as Record<string, unknown>)['missingProperty'])
  return errors.some(
    o =>
      o.keyword === 'additionalProperties' &&
      o.instancePath === e.instancePath &&
      suggestClosest(String((o.params as Record<string, unknown>)['additionalProperty']), [missing]) === missing,
  )
}

function explainComposite(e: ErrorObject, prefix: PathSegment[], root: unknown, source: YamlSource): Diagnostic[] {
  const path = [...prefix, ...decodePointer(e.instancePath, root, prefix)]
  if (isLineReadAsMapping(e)) {
    return [
      errorAt(
        locatePath(source, path),
        'unquoted-colon',
        `${describeStepContext(path, root)}${describeSubject(path)} is a line with ': ' in it, which YAML reads as a key and a value`,
        `put the line in quotes, e.g. "${Object.keys(e.data as object)[0]}: ${String(Object.values(e.data as object)[0] ?? '')}"`,
      ),
    ]
  }
  const branch = chooseBranch(e)
  if (branch === undefined) return [explainWrongType(e, path, root, source)]
  branch(e.data)
  return explainErrors(branch.errors ?? [], path, root, source)
}

/** `- +CMQTTSTART: 0` unquoted in a list is a one-key mapping to YAML; the writer meant a line. */
function isLineReadAsMapping(e: ErrorObject): boolean {
  const defs = loadCompiledSchema().schema.$defs
  if (e.parentSchema !== defs['lineMatcher'] || !isRecord(e.data)) return false
  const keys = Object.keys(e.data)
  return keys.length === 1 && keys[0] !== 'not' && (e.data[keys[0]!] === null || typeof e.data[keys[0]!] !== 'object')
}

/** Picks the branch of an anyOf whose type fits the data (a string goes to the line branch, a list to the list branch). */
function chooseBranch(e: ErrorObject): ValidateFunction | undefined {
  const { schema, ajv } = loadCompiledSchema()
  const name = Object.keys(schema.$defs).find(key => schema.$defs[key] === e.parentSchema)
  const branches = (e.parentSchema?.['anyOf'] ?? []) as JsonSchema[]
  const type = jsonTypeOf(e.data)
  const fitting = branches.map((b, i) => ({ i, types: acceptedTypes(b) })).filter(b => b.types.includes(type))
  if (name === undefined || fitting.length !== 1) return undefined
  // Addressed through the schema's own $id, so publishing it under another id cannot break the lookup.
  return ajv.getSchema(`${String(schema['$id'])}#/$defs/${name}/anyOf/${fitting[0]!.i}`)
}

function acceptedTypes(schema: JsonSchema): string[] {
  const defs = loadCompiledSchema().schema.$defs
  const ref = schema['$ref']
  if (typeof ref === 'string') return acceptedTypes(defs[ref.replace('#/$defs/', '')] ?? {})
  if (schema['type'] !== undefined)
    return ([] as string[]).concat(schema['type'] as string | string[]).map(t => (t === 'integer' ? 'number' : t))
  if (Array.isArray(schema['enum'])) return [...new Set((schema['enum'] as unknown[]).map(jsonTypeOf))]
  return ((schema['anyOf'] ?? []) as JsonSchema[]).flatMap(acceptedTypes)
}

function explainError(e: ErrorObject, path: PathSegment[], root: unknown, source: YamlSource): Diagnostic {
  const context = describeStepContext(path, root)
  const subject = describeSubject(path)
  const at = locatePath(source, path)
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'additionalProperties':
      return explainUnknownKey(String(params['additionalProperty']), e, path, root, source)
    case 'required':
      return errorAt(
        at,
        'missing-key',
        `${context}${subject === 'the step' || subject === 'the file' ? '' : `${subject}: `}missing key '${String(params['missingProperty'])}'`,
        describeRequired(e),
      )
    case 'dependentRequired':
      return errorAt(
        locateKey(source, path, String(params['property'])),
        'misplaced-key',
        `${context}'${String(params['property'])}' only applies to a 'data' step`,
        'remove it or add data: <bytes>',
      )
    case 'type':
      return explainWrongType(e, path, root, source)
    case 'pattern':
      return explainPattern(e, path, root, source)
    case 'not':
      return explainPattern(e, path, root, source)
    case 'enum':
      return errorAt(at, 'bad-value', `${context}${subject} must be ${describe(e)}, not ${quoteValue(e.data)}`)
    case 'minLength':
      return explainEmpty(at, context, subject, path, source)
    case 'minItems':
      return errorAt(at, 'empty-value', `${context}${subject} must not be an empty list`)
    case 'minimum':
    case 'maximum':
      return errorAt(at, 'bad-value', `${context}${subject} must be ${describe(e)}, not ${quoteValue(e.data)}`)
    default:
      return errorAt(at, 'schema', `${context}${subject} ${e.message ?? 'is not valid'}`)
  }
}

function explainUnknownKey(key: string, e: ErrorObject, path: PathSegment[], root: unknown, source: YamlSource): Diagnostic {
  const allowed = Object.keys((e.parentSchema?.['properties'] ?? {}) as JsonSchema)
  const suggestion = suggestClosest(key, allowed)
  const subject = describeSubject(path)
  const where = subject === 'the step' || subject === 'the file' ? '' : ` in ${subject}`
  const hint = suggestion !== undefined ? `did you mean '${suggestion}'?` : `allowed keys: ${allowed.join(', ')}`
  return errorAt(locateKey(source, path, key), 'unknown-key', `${describeStepContext(path, root)}unknown key '${key}'${where}`, hint)
}

function explainWrongType(e: ErrorObject, path: PathSegment[], root: unknown, source: YamlSource): Diagnostic {
  const subject = describeSubject(path)
  const article = subject === 'the file' ? 'The file' : subject
  return errorAt(
    locatePath(source, path),
    'wrong-type',
    `${describeStepContext(path, root)}${article} must be ${describe(e)}, not ${describeValue(e.data)}`,
  )
}

function explainPattern(e: ErrorObject, path: PathSegment[], root: unknown, source: YamlSource): Diagnostic {
  if (e.propertyName !== undefined) {
    return errorAt(
      locateKey(source, path, e.propertyName),
      'bad-var-name',
      `variable name '${e.propertyName}' is not allowed: it must be ${describe(e)}`,
    )
  }
  const context = describeStepContext(path, root)
  const subject = describeSubject(path)
  const isDurationSchema = e.parentSchema === loadCompiledSchema().schema.$defs['duration']
  const code = isDurationSchema ? 'bad-duration' : path[0] === 'secrets' || path[0] === 'inputs' ? 'bad-var-name' : 'bad-value'
  return errorAt(locatePath(source, path), code, `${context}${subject} must be ${describe(e)}, not ${quoteValue(e.data)}`)
}

function explainEmpty(at: Diagnostic['at'], context: string, subject: string, path: PathSegment[], source: YamlSource): Diagnostic {
  const node = nodeAt(source, path)
  const folded = isScalar(node) && (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL)
  const hint = folded ? 'a bare > or | starts a YAML block text: write the prompt as ">" in quotes' : undefined
  return errorAt(at, 'empty-value', `${context}${subject} must not be empty`, hint)
}

function explainStepAction(e: ErrorObject, prefix: PathSegment[], root: unknown, source: YamlSource): Diagnostic {
  const path = [...prefix, ...decodePointer(e.instancePath, root, prefix)]
  const step = readIn(root, path)
  const present = isRecord(step) ? ACTION_KEYS.filter(k => k in step) : []
  const context = describeStepContext(path, root).replace(/: $/, '')
  if (present.length === 0) {
    return errorAt(
      locatePath(source, path),
      'step-action',
      `${context} has no action`,
      'give it one of send, data, wait, sleep, publish, serve or todo (or only a broker: or server: check)',
    )
  }
  return errorAt(
    locateKey(source, path, present[1] ?? present[0]!),
    'step-action',
    `${context} has more than one action: ${present.join(' and ')}`,
    'split it into one step per action',
  )
}

function describeRequired(e: ErrorObject): string | undefined {
  const missing = String((e.params as Record<string, unknown>)['missingProperty'])
  const property = ((e.parentSchema?.['properties'] ?? {}) as Record<string, JsonSchema>)[missing]
  return typeof property?.['description'] === 'string' ? `${missing}: ${property['description']}` : undefined
}

function describe(e: ErrorObject): string {
  const description = e.parentSchema?.['description']
  if (typeof description === 'string') return description
  const params = e.params as Record<string, unknown>
  if (Array.isArray(params['allowedValues'])) return `one of ${(params['allowedValues'] as unknown[]).join(', ')}`
  return String(params['type'] ?? e.message ?? 'valid')
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'boolean') return `${value}`
  if (typeof value === 'number') return `the number ${value}`
  return `the text ${quoteValue(value)}`
}

function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value))
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

function isCompositeError(e: ErrorObject): boolean {
  return e.keyword === 'anyOf'
}

function isStepActionError(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' && e.parentSchema === loadCompiledSchema().schema.$defs['step']
}

function isStepActionBranch(e: ErrorObject): boolean {
  return e.schemaPath.startsWith('#/oneOf/') || e.schemaPath.startsWith('#/$defs/step/oneOf/')
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`)
}

/** JSON pointer to path segments; array indexes become numbers so YAML lookups and messages treat them as items. */
function decodePointer(pointer: string, root: unknown, prefix: PathSegment[]): PathSegment[] {
  if (pointer === '') return []
  const segments: PathSegment[] = []
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    segments.push(Array.isArray(readIn(root, [...prefix, ...segments])) ? Number(key) : key)
  }
  return segments
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter(d => {
    // A value of the wrong type can fail both a `$ref` and the property that uses it: one mistake, said once.
    const key = `${d.code}|${d.at.line}|${d.at.col}|${d.code === 'wrong-type' ? '' : d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
