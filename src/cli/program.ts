import { Command } from 'commander';
import { addAnalyzeCommand } from './analyze.js';
import { addKbCommands } from './kb.js';
import { addSearchCommand } from './search.js';
import { addCollectCommand } from './collect.js';
import { addHistoryCommand } from './history.js';
import { addRedactCommand } from './redact.js';

/**
 * The `ktriage` command line: commander wiring only; each command lives in its own file and calls the
 * library. Exit status: 0 analysed, 2 usage error or no readable input, 1 internal error.
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ktriage')
    .description('Kernel-aware incident triage: kernel reports, system events and metrics of many hosts on one timeline')
    .version('0.1.0')
    .option('--kb <dir>', 'add a knowledge-base folder to the built-in one (repeatable)', collect, [] as string[])
    .showHelpAfterError()
    .exitOverride();
  addAnalyzeCommand(program);
  addKbCommands(program);
  addSearchCommand(program);
  addCollectCommand(program);
  addRedactCommand(program);
  addHistoryCommand(program);
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

