/**
 * The part of a Chinese company name that tells it apart. A name is usually region +
 * trade name (字号) + industry + legal form: 上海 华联 商贸 有限公司. The legal form is gone
 * after normalizePartyText; region and industry words are shared by thousands of unrelated
 * firms, so two names that differ only in the trade name (上海华联商贸 / 上海华润商贸) look
 * alike character by character while being different companies, and one firm written
 * short and long (华为 / 华为技术) looks different. Comparing trade names fixes both.
 */

const REGIONS = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门', '深圳', '广州', '杭州', '南京', '苏州', '武汉', '成都', '西安', '厦门', '青岛', '大连',
  '宁波', '无锡', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '沈阳', '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁',
  '贵阳', '兰州', '海口', '东莞', '佛山', '珠海', '温州', '常州', '烟台', '泉州', '中山', '惠州', '嘉兴', '绍兴', '台州',
];
const REGION_SUFFIX = ['特别行政区', '自治区', '省', '市'];

const INDUSTRIES = [
  '房地产', '商贸', '贸易', '科技', '技术', '实业', '发展', '集团', '控股', '投资', '咨询', '服务', '管理', '电子', '信息',
  '网络', '软件', '物流', '建材', '材料', '食品', '机电', '电器', '纺织', '印务', '工程', '建设', '建筑', '制造', '工业',
  '设备', '机械', '化工', '医药', '生物', '能源', '环保', '文化', '传媒', '广告', '餐饮', '酒店', '置业', '地产', '物业',
  '农业', '汽车', '运输', '国际', '供应链', '电商', '商务',
].sort((a, b) => b.length - a.length);

// Shortest trade name kept: stripping never leaves fewer characters than this.
const MIN_CORE = 2;

/**
 * Trade name of a normalised party name (see ledger-columns normalizePartyText): leading or
 * trailing region (with 省/市/…), then up to two trailing industry words, each stripped only
 * when at least two characters remain. A personal name or a bare trade name comes back as is.
 * @example companyCore('上海华联商贸') // '华联'
 * @example companyCore('华为技术深圳') // '华为'
 * @example companyCore('浙江省杭州娃哈哈集团') // '娃哈哈'
 */
export function companyCore(name: string): string {
  let core = name;
  // Province then city (浙江省杭州…): up to two leading regions.
  for (let k = 0; k < 2; k++) {
    const region = REGIONS.find((r) => core.startsWith(r));
    if (!region) break;
    core = keep(core, core.slice(withSuffix(core, region.length)));
  }
  const tail = REGIONS.find((r) => core.endsWith(r) || REGION_SUFFIX.some((s) => core.endsWith(r + s)));
  if (tail) core = keep(core, core.slice(0, core.lastIndexOf(tail)));
  for (let k = 0; k < 2; k++) {
    const word = INDUSTRIES.find((w) => core.endsWith(w));
    if (!word) break;
    const shorter = keep(core, core.slice(0, -word.length));
    if (shorter === core) break;
    core = shorter;
  }
  // Nothing but region and industry (上海商贸): no trade name to compare, keep it whole.
  return INDUSTRIES.includes(core) ? name : core;
}

function withSuffix(name: string, at: number): number {
  const suffix = REGION_SUFFIX.find((s) => name.startsWith(s, at));
  return at + (suffix ? suffix.length : 0);
}

function keep(before: string, after: string): string {
  return after.length >= MIN_CORE ? after : before;
}
