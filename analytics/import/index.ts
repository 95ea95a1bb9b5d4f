export * from './types';
export * from './read-statement-file';
export * from './presets';
export * from './fingerprint';
export * from './import-statement';
