import { companyCore, companyParts } from '../../analytics/reconcile/company-core';

describe('companyParts (region, trade name, industry of a normalised name)', () => {
  it.each([
    ['上海华联商贸', '上海', '华联', '商贸'],
    ['华为技术深圳', '深圳', '华为', '技术'], // 华为技术（深圳）有限公司 after normalising
    ['浙江省杭州娃哈哈集团', '浙江杭州', '娃哈哈', '集团'],
    ['深圳市腾讯计算机系统', '深圳', '腾讯计算机系统', ''],
    ['abctrading', '', 'abc', 'trading'], // ABC Trading Co., Ltd. after normalising
    ['北京银行', '', '北京银行', ''], // a generic 'trade name' keeps the whole name
    ['中山大学', '', '中山大学', ''],
    ['上海商贸', '', '上海商贸', ''],
    ['华为', '', '华为', ''],
    ['张三', '', '张三', ''],
    ['华东贸易720号', '', '华东贸易720号', ''],
  ])('%s → %s | %s | %s', (name, region, core, industry) => {
    expect(companyParts(name)).toEqual({ region, core, industry });
    expect(companyCore(name)).toBe(core);
  });
});
