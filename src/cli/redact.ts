import { Command } from 'commander';
import { z } from 'zod';
import { redactInputs } from '../redact/index.js';

const RedactOptionsSchema = z.object({ out: z.string() });

/**
 * `ktriage redact IN... --out DIR|FILE.tar.gz`: makes logs, folders or collect bundles safe to attach
 * to a public issue (addresses, host and user names, e-mails, secrets replaced consistently).
 */
export function addRedactCommand(program: Command): Command {
  return program
    .command('redact')
    .description('replace addresses, host and user names, e-mails and secrets consistently across files, folders and bundles')
    .argument('<inputs...>', 'files, folders or .tar.gz bundles')
    .requiredOption('-o, --out <path>', 'output folder, or a .tar.gz bundle')
    .action(async (inputs: string[], raw: unknown) => {
      const opts = RedactOptionsSchema.parse(raw);
      const summary = await redactInputs(inputs, opts.out);
      const parts = Object.entries(summary).map(([category, s]) => `${category} ${s.values} (${s.replacements} replacements)`);
      process.stderr.write(`wrote ${opts.out}; replaced: ${parts.join(', ') || 'nothing'}\n`);
    });
}
