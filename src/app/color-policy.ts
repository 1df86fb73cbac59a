/**
 * One colour policy for every command, console output and error messages alike: `--no-color` wins, then
 * `FORCE_COLOR` (`0` or `false` turn colour off, any other value on), then a non-empty `NO_COLOR` (off), then
 * colour when the stream is a terminal that is not `TERM=dumb`.
 */
export { createPainter, type Painter, type TextStyle } from '../report/console/painter.js'

/** What the policy looks at: the command's `--no-color` flag (false when given), the environment, the stream. */
export interface ColorContext {
  flag?: boolean
  env?: Readonly<Record<string, string | undefined>>
  stream: { isTTY?: boolean }
}

/** True when output to this stream should be styled. */
export function chooseColor(context: ColorContext): boolean {
  const env = context.env ?? process.env
  if (context.flag === false) return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if ((env.NO_COLOR ?? '') !== '') return false
  return context.stream.isTTY === true && env.TERM !== 'dumb'
}
