import { readFileSync } from 'node:fs'
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { createAjv2020 } from './create-ajv.js'
import { validate as generatedValidate } from './sequence-validator.generated.js'

type JsonSchema = Record<string, unknown>

/** The sequence schema compiled once: the schema itself, the ajv instance that holds its parts, and its validator. */
export interface CompiledSchema {
  schema: JsonSchema & { $defs: Record<string, JsonSchema> }
  ajv: Ajv2020
  validate: ValidateFunction
}

let compiled: CompiledSchema | undefined
let published: CompiledSchema['schema'] | undefined

/** Compiles `schemas/sequence.schema.json` on first use and keeps it. */
export function loadCompiledSchema(): CompiledSchema {
  if (compiled !== undefined) return compiled
  const schema = readSequenceSchema()
  const ajv = createAjv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false })
  compiled = { schema, ajv, validate: ajv.compile(schema) }
  return compiled
}

/** The sequence JSON Schema as published in `schemas/sequence.schema.json`, read once. */
export function readSequenceSchema(): CompiledSchema['schema'] {
  published ??= JSON.parse(readFileSync(new URL('../../schemas/sequence.schema.json', import.meta.url), 'utf8')) as CompiledSchema['schema']
  return published
}

/**
 * Whether plain data is a valid sequence, by the schema's validator generated as code at build time: no schema is
 * compiled for a file that is valid. It accepts what the compiled validator accepts (the same schema and the
 * options that decide acceptance); it only does not say why.
 */
const isValidSequenceData = generatedValidate as (data: unknown) => boolean

/** Every schema violation of a sequence file's plain data, as ajv reports them (empty when the data is valid). */
export function listSchemaErrors(data: unknown): readonly ErrorObject[] {
  if (isValidSequenceData(data)) return []
  // Only a file the schema refuses pays for compiling the validator that lists every error with its schema.
  const { validate } = loadCompiledSchema()
  return validate(data) ? [] : [...(validate.errors ?? [])]
}
