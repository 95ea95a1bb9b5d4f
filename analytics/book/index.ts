export * from './schema';
export * from './types';
export * from './book';
export * from './dates';
export * from './parse-date';
export * from './coerce-cell';
export * from './apply-change-set';
