/**
 * ajv, loaded the first time a schema is compiled: a folder of valid sequences compiles none (their validator is
 * generated as code, sequence-validator.generated.ts), and loading ajv cost about 30 ms on every thread of
 * `atseq validate`.
 */
import { createRequire } from 'node:module'
import type { Ajv2020, Options } from 'ajv/dist/2020.js'

const requireCommonJs = createRequire(import.meta.url)

/** A new ajv for JSON Schema 2020-12 with `options`. */
export function createAjv2020(options: Options): Ajv2020 {
  const ajv = requireCommonJs('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  return new ajv.Ajv2020(options)
}
