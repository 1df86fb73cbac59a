/**
 * Import rules for src/, checked by `npm run depcheck`.
 *
 * src/ is layered, each layer importing only the ones below it:
 *
 *   cli/
 *   app/
 *   sequence/ plan/ run/ report/ diff/ capture/ sim/ servers/ transport/   (the stages)
 *   at/ record/
 *   model/ modem/
 *
 * The rules below say which imports would run up (or across, where it matters) this order.
 * They are written for that layout; a rule about a folder that does not exist yet matches
 * nothing. Only src/ is checked: tests and benchmarks may reach into any layer.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other (directly or through others) cannot be understood, tested or moved on their own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'Folders that import each other are one layer in two places: one of them belongs below the other, or the shared part belongs below both.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is an import the rules below cannot see.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'model-imports-nothing',
      severity: 'error',
      comment: 'model/ holds the shapes every layer shares; it depends on no other part of src/.',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'model-node-types-only',
      severity: 'warn',
      comment: 'model/ ideally takes only types from node builtins (import type), so it stays plain data.',
      from: { path: '^src/model/' },
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modem-only-model',
      severity: 'error',
      comment: 'modem/ (what a modem is and says) builds on model/ alone.',
      from: { path: '^src/modem/' },
      to: { path: '^src/', pathNot: '^src/(model|modem)/' },
    },
    {
      name: 'run-stays-a-stage',
      severity: 'error',
      comment:
        'run/ executes a sequence over a chat it is given; opening devices and simulators, planning, reporting and the servers are wired in by app/.',
      from: { path: '^src/run/' },
      to: { path: '^src/(sim|report|plan|app|cli|servers|capture|diff|transport)/' },
    },
    {
      name: 'report-only-records',
      severity: 'error',
      comment: 'report/ renders records: it reads report/, model/ and the transcript byte view, nothing else of src/.',
      from: { path: '^src/report/' },
      to: { path: '^src/', pathNot: '^src/(report|model)/|^src/record/transcript-text\\.ts$' },
    },
    {
      name: 'sequence-is-pure',
      severity: 'error',
      comment: 'sequence/ reads, checks and lints sequence files; it knows no device, run, record or report.',
      from: { path: '^src/sequence/' },
      to: { path: '^src/(transport|at|sim|run|record|report|plan|app|cli|servers)/' },
    },
    {
      name: 'at-below-stages',
      severity: 'error',
      comment: 'at/ (the chat layer) sits below the stages; it may use transport/ interfaces and record/, not the stages that use it.',
      from: { path: '^src/at/' },
      to: { path: '^src/(sim|run|app|cli|report|plan|servers|sequence|capture)/' },
    },
    {
      name: 'sim-is-a-modem-peer',
      severity: 'error',
      comment:
        'sim/ is a modem on the other end of a transport/; it does not drive the host side (at/, run/) nor know plans, captures or reports.',
      from: { path: '^src/sim/' },
      to: { path: '^src/(run|at|report|app|cli|plan|capture|sequence)/' },
    },
    {
      name: 'record-below-stages',
      severity: 'error',
      comment: 'record/ (records, transcripts, masking) sits below the stages that write and read records.',
      from: { path: '^src/record/' },
      to: { path: '^src/(run|at|sim|report|app|cli|plan|transport|servers)/' },
    },
    {
      name: 'sim-only-from-app',
      severity: 'error',
      comment: 'Only app/ starts a simulator; everything else talks to it through a transport.',
      from: { path: '^src/', pathNot: '^src/(app|sim)/' },
      to: { path: '^src/sim/' },
    },
    {
      name: 'servers-only-from-app',
      severity: 'error',
      comment: 'Only app/ starts the embedded servers (the MQTT broker); the simulator included does not.',
      from: { path: '^src/', pathNot: '^src/(app|servers)/' },
      to: { path: '^src/servers/' },
    },
    {
      name: 'stages-not-to-app',
      severity: 'error',
      comment:
        'app/ wires the stages together; a stage that imports it runs up the layering. (The other stages have their own rules above.)',
      from: { path: '^src/(plan|diff|capture|servers|transport)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'cli-only-from-cli',
      severity: 'error',
      comment: 'cli/ is the top: nothing imports it, app/ included (app/ must be usable without the command line).',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-calls-the-app',
      severity: 'error',
      comment: 'A command parses its arguments and makes one app call: it reaches the stages only through app/.',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli|app|model)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a layer that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    // Resolves the `.js` specifiers of the NodeNext sources to their `.ts` files.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
