/** How `--help` describes an option: commander's text, without the empty defaults of repeatable options. */
import { Help, type Option } from 'commander'

const plainHelp = new Help()

/** Describes an option as commander does, but says nothing of a default that is an empty list or map. */
export function describeOption(option: Option): string {
  if (!isEmptyCollection(option.defaultValue)) return plainHelp.optionDescription(option)
  // A view of the option without its default: `(default: [])` tells a user nothing a repeatable option does not.
  const withoutDefault = Object.create(option, { defaultValue: { value: undefined } }) as Option
  return plainHelp.optionDescription(withoutDefault)
}

function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0
}
