/** Jest runs TypeScript through ts-jest in transpile-only mode; `npm run typecheck` does the type check. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': ['ts-jest', { tsconfig: { module: 'commonjs', jsx: 'react-jsx', allowJs: true, isolatedModules: true, esModuleInterop: true } }],
    // arquero and its helpers ship ESM only; Jest's CommonJS runtime needs them transpiled.
    '^.+\\.(js|mjs)$': ['ts-jest', { tsconfig: { module: 'commonjs', allowJs: true, isolatedModules: true, esModuleInterop: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(arquero|@uwdata|acorn)/)'],
  testTimeout: 60000,
};
