import { companyCore } from '../../analytics/reconcile/company-core';

describe('companyCore (trade name of a normalised company name)', () => {
  it.each([
    ['上海华联商贸', '华联'],
    ['上海华润商贸', '华润'],
    ['北京东方科技', '东方'],
    ['华为技术', '华为'],
    ['华为技术深圳', '华为'], // 华为技术（深圳）有限公司 after normalising
    ['深圳市腾讯计算机系统', '腾讯计算机系统'],
    ['浙江省杭州娃哈哈集团', '娃哈哈'],
    ['华为', '华为'], // a bare trade name stays
    ['张三', '张三'], // a person stays
    ['上海商贸', '上海商贸'], // stripping never leaves fewer than two characters
    ['华东贸易720号', '华东贸易720号'],
    ['支付宝', '支付宝'],
  ])('%s → %s', (name, core) => {
    expect(companyCore(name)).toBe(core);
  });
});
