export * from './time.js';
export * from './record.js';
export * from './report.js';
export * from './observation.js';
