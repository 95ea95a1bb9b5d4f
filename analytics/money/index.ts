export * from './decimal';
export * from './parse-amount';
export * from './format-amount';
export * from './minor-units';
export * from './chinese-uppercase';
