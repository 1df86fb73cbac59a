/** The sequence stage: read YAML with positions, validate, build the model, template, lint and import spec tables. */
export type * from '../model/sequence.js'
export { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic, type Severity } from '../model/diagnostic.js'
export { formatDuration, isDuration, parseDuration } from './duration.js'
export { loadSequence, loadSequenceText, type LoadOptions, type LoadResult } from './load-sequence.js'
export { findSequenceFiles } from './find-sequence-files.js'
export { MAX_SEQUENCE_BYTES } from './read-source.js'
export { DEFAULT_STEP_TIMEOUT_MS } from './build-sequence.js'
export { isFinalResultLine, isFinalResultMatcher } from './line-matcher.js'
export { readSequenceSchema } from './sequence-schema.js'
export {
  checkTemplate,
  hasExpressions,
  listTemplateVariables,
  renderTemplate,
  TEMPLATE_HELPERS,
  TemplateError,
  type TemplateScope,
  type TemplateVariable,
} from './template.js'
export { lintSequence, LINT_RULES, type LintOptions } from './lint/lint-sequence.js'
export { compareStepNumbers } from './lint/step-numbers.js'
export { checkSequenceFiles, summariseChecks, type CheckOptions, type FileCheck } from './check-files.js'
export { importSpecTable, type ImportOptions, type ImportResult, type RowFate } from './import/import-spec-table.js'
export { formatImportReport } from './import/format-import-report.js'
