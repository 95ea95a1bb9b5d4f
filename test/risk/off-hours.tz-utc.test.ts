/**
 * @jest-environment ./test/risk/fixtures/tz-environment.js
 * @host-tz UTC
 */
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
