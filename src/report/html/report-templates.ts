/** Reads the HTML report's template, stylesheet and script from `templates/` next to this module. */
import { readTemplate } from '../read-template.js'

/** The template files the HTML report is made of. */
export interface ReportTemplateFiles {
  template: string
  css: string
  script: string
}

/** Reads the template, stylesheet and script of the run report. */
export function readTemplateFiles(): ReportTemplateFiles {
  const read = (name: string): string => readTemplate(import.meta.url, name)
  return { template: read('report.hbs'), css: read('report.css'), script: read('report.js') }
}
