/** `atseq sim --list`: the simulator's profiles as text, each with its services and the AT commands they answer. */
import { listSimProfiles, type SimProfileSummary } from '../sim/index.js'

/** Width the command lists wrap at, so a terminal of 100 columns shows them whole. */
const LINE_WIDTH = 100

/** One block per profile (default: every profile the simulator has): `name  manufacturer model (family)`, then one line (wrapped) per service. */
export function formatSimProfiles(profiles: readonly SimProfileSummary[] = listSimProfiles()): string {
  const serviceWidth = Math.max(...profiles.flatMap(profile => profile.services.map(service => service.name.length)))
  const blocks = profiles.map(profile => {
    const header = `${profile.name}  ${profile.manufacturer} ${profile.model} (${profile.family} family)`
    const services = profile.services.map(service =>
      wrapWords(
        service.commands.map(command => `AT${command}`),
        `  ${service.name.padEnd(serviceWidth)}  `,
      ),
    )
    return [header, ...services].join('\n')
  })
  return `${blocks.join('\n\n')}\n`
}

/** Words after `prefix`, wrapped at LINE_WIDTH; continuation lines are indented as far as the prefix. */
function wrapWords(words: readonly string[], prefix: string): string {
  const lines: string[] = []
  let line = prefix
  for (const word of words) {
    if (line.length > prefix.length && line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line)
      line = ' '.repeat(prefix.length)
    }
    line += line.length === prefix.length ? word : ` ${word}`
  }
  lines.push(line)
  return lines.join('\n')
}
