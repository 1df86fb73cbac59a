import { readFileSync } from 'node:fs'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'

type JsonSchema = Record<string, unknown>

/** The sequence schema compiled once: the schema itself, the ajv instance that holds its parts, and its validator. */
export interface CompiledSchema {
  schema: JsonSchema & { $defs: Record<string, JsonSchema> }
  ajv: Ajv2020
  validate: ValidateFunction
}

let compiled: CompiledSchema | undefined

/** Compiles `schemas/sequence.schema.json` on first use and keeps it. */
export function loadCompiledSchema(): CompiledSchema {
  if (compiled !== undefined) return compiled
  const url = new URL('../../schemas/sequence.schema.json', import.meta.url)
  const schema = JSON.parse(readFileSync(url, 'utf8')) as CompiledSchema['schema']
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false })
  compiled = { schema, ajv, validate: ajv.compile(schema) }
  return compiled
}

/** The sequence JSON Schema as published in `schemas/sequence.schema.json`. */
export function readSequenceSchema(): JsonSchema {
  return loadCompiledSchema().schema
}

/** Every schema violation of a sequence file's plain data, as ajv reports them (empty when the data is valid). */
export function listSchemaErrors(data: unknown): readonly ErrorObject[] {
  const { validate } = loadCompiledSchema()
  return validate(data) ? [] : [...(validate.errors ?? [])]
}
