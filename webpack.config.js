/**
 * Production build of the add-in (`npm run build`) and the playground.
 * - taskpane: the pane in Excel (taskpane.html, with the custom functions in the same shared runtime)
 * - functions: custom functions; functions.json is generated from their JSDoc
 * - playground: the same pane over an in-memory workbook, for a plain browser (index.html)
 * Engine modules, ExcelJS and the sample book are dynamic imports, so they become chunks
 * loaded on demand; the first pane bundle is React + Fluent + the book/money basics.
 * Node built-ins that engine files import for their CLI paths are stubbed out in the browser.
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizedFunctionsPlugin } = require('./addin/functions/localized-functions-plugin');

const NODE_BUILTINS = [
  'fs',
  'path',
  'zlib',
  'events',
  'stream',
  'stream/promises',
  'vm',
  'os',
  'crypto',
  'worker_threads',
  'child_process',
];

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? 'production';
  return {
    mode,
    context: __dirname,
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      functions: './addin/functions/functions.ts',
      playground: './addin/playground/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, env.out ?? 'dist'),
      // functions.js keeps a fixed name: the manifest's custom-functions Script points at it.
      filename: (data) =>
        data.chunk.name === 'functions' ? 'functions.js' : '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js'],
      fallback: {
        ...Object.fromEntries(NODE_BUILTINS.map((m) => [m, false])),
        buffer: require.resolve('buffer/'),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: {
                noEmit: false,
                module: 'esnext',
                sourceMap: mode !== 'production',
              },
            },
          },
        },
      ],
    },
    plugins: [
      // `node:fs` and friends: drop the scheme so the `fallback: false` stubs above apply.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      // iconv-lite (GBK statements) expects Node's Buffer.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './addin/functions/functions.ts',
      }),
      new LocalizedFunctionsPlugin({
        source: 'functions.json',
        locales: { 'zh-CN': './addin/functions/functions.zh-CN.json' },
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './addin/playground/index.html',
        chunks: ['playground'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    // Rebuilds (playground, browser tests) reuse the previous compilation where files did not change.
    cache: {
      type: 'filesystem',
      name: `${mode}-${env.out ?? 'dist'}`,
      buildDependencies: { config: [__filename] },
    },
    devtool: mode === 'production' ? false : 'source-map',
    performance: { hints: false },
    // The filesystem cache is shared by the CLI and the Node API builds; its restore notes are noise.
    infrastructureLogging: { level: 'error' },
    stats: 'errors-warnings',
  };
};
