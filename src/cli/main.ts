import { buildProgram } from './program.js';

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
    if (code && code.startsWith('commander.')) process.exit(2);
    process.stderr.write(`ktriage: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.KTRIAGE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  }
}

// `ktriage analyze ... --json | head`: the reader left, so stop quietly as other Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

await main();
