/**
 * Finds and reads the HTML report's template, stylesheet and script. They live as files in
 * `src/report/html/templates/`; the compiled module in `dist/report/html/` finds them there too,
 * since both trees sit at the same depth under the package root.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The template files the HTML report is made of. */
export interface ReportTemplateFiles {
  template: string
  css: string
  script: string
}

/** Places searched in order: next to this module, then the source tree under the package root. */
export function listTemplateDirCandidates(moduleUrl: string = import.meta.url): URL[] {
  return [new URL('./templates/', moduleUrl), new URL('../../../src/report/html/templates/', moduleUrl)]
}

/** Returns the first candidate folder holding `report.hbs`; throws, naming every place looked at, when none does. */
export function findTemplateDir(candidates: readonly URL[] = listTemplateDirCandidates()): URL {
  const found = candidates.find(dir => existsSync(new URL('report.hbs', dir)))
  if (found !== undefined) return found
  const places = candidates.map(dir => fileURLToPath(dir)).join(', ')
  throw new Error(`atseq cannot find the HTML report templates (report.hbs); looked in: ${places}`)
}

/** Reads the template, stylesheet and script from a template folder. */
export function readTemplateFiles(dir: URL = findTemplateDir()): ReportTemplateFiles {
  const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8')
  return { template: read('report.hbs'), css: read('report.css'), script: read('report.js') }
}
