/** Every CLI subcommand, in the order `cashbook --help` lists them. */
import type { CliCommand } from '../command-spec';
import { initCommand } from './init';
import { importCommand } from './import';
import { proposeCommand } from './propose';
import { rulesCommand } from './rules';
import { verifyCommand } from './verify';

export const COMMANDS: CliCommand[] = [initCommand, importCommand, proposeCommand, rulesCommand, verifyCommand];
