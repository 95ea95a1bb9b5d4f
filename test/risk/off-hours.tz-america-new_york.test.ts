process.env.TZ = 'America/New_York';
// eslint-disable-next-line import/first
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
