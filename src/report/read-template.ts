/**
 * Reads a report template file (Handlebars, CSS, the page script) from the `templates/` folder next to the
 * module that renders it. The build copies each `templates/` folder into `dist/` beside its module, so the
 * source tree and the installed package find them the same way.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The text of `templates/<name>` next to `moduleUrl`; throws, naming the path, when it is missing. */
export function readTemplate(moduleUrl: string, name: string): string {
  const url = new URL(`./templates/${name}`, moduleUrl)
  try {
    return readFileSync(url, 'utf8')
  } catch (error) {
    throw new Error(`atseq cannot read its report template ${fileURLToPath(url)}: is the package installed whole?`, { cause: error })
  }
}
