/**
 * @jest-environment ./test/risk/fixtures/tz-environment.js
 * @host-tz America/New_York
 */
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
