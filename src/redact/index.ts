export { createMappingTable, type MappingTable } from './table.js';
export { createLineRedactor, redactText, applyRule } from './engine.js';
export { learnLine, learnSelf, learnRules } from './learn.js';
export { redactFile, redactTree, redactPath, learnFiles, listFiles } from './files.js';
export { redactRules, type RedactRule } from './rules.js';
export type { Category } from './placeholders.js';
export { redactInputs } from './inputs.js';
