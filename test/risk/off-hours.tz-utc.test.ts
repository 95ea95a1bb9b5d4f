process.env.TZ = 'UTC';
// eslint-disable-next-line import/first
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
