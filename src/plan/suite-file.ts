/** Which YAML files are suites rather than sequences: `suite.yaml`, `suite.yml` or `<name>.suite.yaml`. */
import { basename } from 'node:path'

const SUITE_FILE = /^(.+\.)?suite\.ya?ml$/i

/** True for a file named like a suite (`suite.yaml`, `mqtt.suite.yml`). */
export function isSuiteFile(path: string): boolean {
  return SUITE_FILE.test(basename(path))
}
