/** Minimal globs for suite files: `*` within a folder, `**` across folders, `?` one character; paths use `/`. */

/** Compiles a glob to a regular expression over a relative `/`-separated path. */
export function compileGlob(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? ''
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      source += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/** Does the relative path match the glob? A leading `./` in the glob is ignored. */
export function doesGlobMatch(glob: string, relativePath: string): boolean {
  return compileGlob(glob.replace(/^\.\//, '')).test(relativePath)
}
