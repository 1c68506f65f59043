import type { SiteKind, SiteLevel } from '../../registry/site.ts';
import type { SiteField } from '../../registry/site-fields.ts';

export const FIELD_LABELS: Record<SiteField, string> = {
  id: '编号（id）',
  fullName: '网站全称',
  homepage: '首页',
  level: '级别',
  kind: '类型',
  region: '行政区划',
  parent: '所属门户',
  siteCode: '网站标识码',
  archiveRoots: '归档目录',
  maxPages: '抓取上限（页）',
};

export const LEVEL_LABELS: Record<SiteLevel, string> = { province: '省级', city: '市级', county: '县级' };
export const KIND_LABELS: Record<SiteKind, string> = { portal: '门户网站', department: '部门网站' };
