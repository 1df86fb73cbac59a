/** Turns an option value the app read into the value, or into commander's usage error with the app's hint. */
import { InvalidArgumentError } from 'commander'
import type { OptionValue } from '../app/option-values.js'

/** Wraps an app reader as a commander option parser. */
export function parsedBy<T>(read: (text: string) => OptionValue<T>): (text: string) => T {
  return text => {
    const result = read(text)
    if (!result.ok) throw new InvalidArgumentError(result.hint)
    return result.value
  }
}
