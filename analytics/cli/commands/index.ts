/** Every CLI subcommand, in the order `cashbook --help` lists them. */
import type { CliCommand } from '../command-spec';
import { initCommand } from './init';

export const COMMANDS: CliCommand[] = [initCommand];
