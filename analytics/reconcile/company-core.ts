/**
 * The parts of a company name that tell two firms apart. A Chinese name is usually
 * region + trade name (字号) + industry + legal form: 上海 华联 商贸 有限公司. The legal form is
 * gone after normalizePartyText; region and industry words are shared by thousands of
 * unrelated firms, so two names that differ only in the trade name (上海华联商贸 / 上海华润商贸)
 * look alike character by character while being different companies, and one firm written
 * short and long (华为 / 华为技术) looks different. The matcher compares trade names, and
 * takes two names for different firms when both state a region, or both an industry, and
 * these differ (深圳宏达电子 / 杭州宏达物流). Latin names get the same treatment with English
 * industry words (ABC Trading / XYZ Trading).
 */

const REGIONS = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门', '深圳', '广州', '杭州', '南京', '苏州', '武汉', '成都', '西安', '厦门', '青岛', '大连',
  '宁波', '无锡', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '沈阳', '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁',
  '贵阳', '兰州', '海口', '东莞', '佛山', '珠海', '温州', '常州', '烟台', '泉州', '中山', '惠州', '嘉兴', '绍兴', '台州',
  'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'hongkong', 'tianjin', 'chongqing', 'hangzhou', 'china',
];
const REGION_SUFFIX = ['特别行政区', '自治区', '省', '市'];

const INDUSTRIES = [
  '房地产', '商贸', '贸易', '科技', '技术', '实业', '发展', '集团', '控股', '投资', '咨询', '服务', '管理', '电子', '信息',
  '网络', '软件', '物流', '建材', '材料', '食品', '机电', '电器', '纺织', '印务', '工程', '建设', '建筑', '制造', '工业',
  '设备', '机械', '化工', '医药', '生物', '能源', '环保', '文化', '传媒', '广告', '餐饮', '酒店', '置业', '地产', '物业',
  '农业', '汽车', '运输', '国际', '供应链', '电商', '商务',
  'importexport', 'international', 'technologies', 'technology', 'manufacturing', 'engineering', 'electronics',
  'development', 'investment', 'management', 'industrial', 'industries', 'consulting', 'logistics', 'holdings', 'services',
  'software', 'trading', 'holding', 'systems', 'service', 'network', 'group', 'trade', 'tech', 'intl',
].sort((a, b) => b.length - a.length);

// The word lists filed by a name's first or last character, in list order: a book of ten
// thousand names then tries a few words per name rather than every one.
const REGIONS_BY_FIRST = byCharacter(REGIONS, (w) => w.charCodeAt(0));
// Each ending keeps its region's place in REGIONS: the earliest region a name ends in wins.
const REGION_ENDINGS_BY_LAST = byCharacter(
  REGIONS.flatMap((region, at) => [region, ...REGION_SUFFIX.map((s) => region + s)].map((ending) => ({ region, ending, at }))),
  (e) => e.ending.charCodeAt(e.ending.length - 1),
);
const INDUSTRIES_BY_LAST = byCharacter(INDUSTRIES, (w) => w.charCodeAt(w.length - 1));

function byCharacter<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

// Names that are generic on their own: a 'trade name' reduced to one of these is no trade name.
const GENERIC = new Set([
  ...INDUSTRIES,
  '银行', '大学', '学院', '医院', '学校', '中学', '小学', '幼儿园', '研究院', '研究所', '协会', '商会', '基金会', '委员会',
  '政府', '法院', '检察院', '税务局', '公安局', '财政局', '供电局', '自来水', '燃气', '电信', '移动', '联通', '邮政',
  'bank', 'university', 'college', 'hospital', 'school',
]);

// Shortest trade name kept: stripping never leaves fewer characters than this.
const MIN_CORE = 2;

/** Region, trade name and industry of a normalised name; '' for a part it does not state. */
export interface CompanyParts {
  region: string;
  core: string;
  industry: string;
}

/**
 * Split a normalised party name (see ledger-columns normalizePartyText): up to two leading
 * regions (with 省/市/…) or one trailing region, then up to two trailing industry words, each
 * stripped only when at least two characters remain. A name whose trade name would be a
 * generic word (北京银行 → 银行) or nothing is kept whole as its own trade name.
 * @example companyParts('上海华联商贸') // { region: '上海', core: '华联', industry: '商贸' }
 */
export function companyParts(name: string): CompanyParts {
  let core = name;
  const regions: string[] = [];
  // Province then city (浙江省杭州…): up to two leading regions.
  for (let k = 0; k < 2; k++) {
    const region = REGIONS_BY_FIRST.get(core.charCodeAt(0))?.find((r) => core.startsWith(r));
    if (!region) break;
    const rest = core.slice(withSuffix(core, region.length));
    if (rest.length < MIN_CORE) break;
    regions.push(region);
    core = rest;
  }
  const tail = firstRegionEnding(core);
  if (tail && core.lastIndexOf(tail) >= MIN_CORE) {
    regions.push(tail);
    core = core.slice(0, core.lastIndexOf(tail));
  }
  const industries: string[] = [];
  for (let k = 0; k < 2; k++) {
    const word = INDUSTRIES_BY_LAST.get(core.charCodeAt(core.length - 1))?.find((w) => core.endsWith(w));
    if (!word || core.length - word.length < MIN_CORE) break;
    industries.unshift(word);
    core = core.slice(0, -word.length);
  }
  if (GENERIC.has(core)) return { region: '', core: name, industry: '' };
  return { region: regions.join(''), core, industry: industries.join('') };
}

/** The trade name alone. @example companyCore('华为技术深圳') // '华为' */
export function companyCore(name: string): string {
  return companyParts(name).core;
}

// The region earliest in REGIONS that the name ends in, with or without a suffix (省, 市, …).
function firstRegionEnding(name: string): string | undefined {
  let best: string | undefined;
  let bestAt = Infinity;
  for (const { region, ending, at } of REGION_ENDINGS_BY_LAST.get(name.charCodeAt(name.length - 1)) ?? []) {
    if (at < bestAt && name.endsWith(ending)) {
      best = region;
      bestAt = at;
    }
  }
  return best;
}

function withSuffix(name: string, at: number): number {
  const suffix = REGION_SUFFIX.find((s) => name.startsWith(s, at));
  return at + (suffix ? suffix.length : 0);
}
