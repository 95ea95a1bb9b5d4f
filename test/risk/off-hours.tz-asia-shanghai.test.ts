/**
 * @jest-environment ./test/risk/fixtures/tz-environment.js
 * @host-tz Asia/Shanghai
 */
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
