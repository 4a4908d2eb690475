/**
 * Ends the process with an exit status. Command-line entry points call this rather than the
 * process method directly, so there is one place to look for every way the program stops.
 */
export const endProcess: (code: number) => never = process.exit.bind(process);
