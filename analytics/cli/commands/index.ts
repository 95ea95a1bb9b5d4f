/** Every CLI subcommand, in the order `cashbook --help` lists them. */
import type { CliCommand } from '../command-spec';
import { initCommand } from './init';
import { demoCommand } from './demo';
import { accountCommand } from './account';
import { recordCommand } from './record';
import { reverseCommand } from './reverse';
import { customerCommand } from './customer';
import { importCommand } from './import';
import { proposeCommand } from './propose';
import { rulesCommand } from './rules';
import { verifyCommand } from './verify';
import { auditPackCommand } from './audit-pack';
import { riskCommand } from './risk';
import { exceptionCommand } from './exception';
import { notebookRunCommand } from './notebook';
import { reportCommand } from './report';
import { reconcileCommand } from './reconcile';
import { closeCommand } from './close';
import { statementCommand } from './statement';
import { cashCountCommand } from './cash-count';

export const COMMANDS: CliCommand[] = [
  demoCommand,
  initCommand, accountCommand, recordCommand, reverseCommand, customerCommand, importCommand, proposeCommand, rulesCommand, verifyCommand, auditPackCommand, riskCommand, exceptionCommand, notebookRunCommand, reportCommand,
  reconcileCommand, closeCommand, statementCommand, cashCountCommand];
