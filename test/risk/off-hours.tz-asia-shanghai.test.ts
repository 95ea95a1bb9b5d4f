process.env.TZ = 'Asia/Shanghai';
// eslint-disable-next-line import/first
import { describeOffHoursCase } from './fixtures/off-hours-cases';

describeOffHoursCase();
