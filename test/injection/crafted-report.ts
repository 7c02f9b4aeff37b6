// A published report crafted as an attacker would: the real 高新区 report (test/fixtures/samples) with its title's
// agency replaced by a HYPERLINK formula and its 六、其他需要报告的事项 by a DDE command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EVIL_AGENCY = '=HYPERLINK("http://evil.example/","点我")';
export const EVIL_OTHER = "=cmd|' /C calc'!A0";

export function craftedReportText(): string {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'published-2021-gaoxinqu.txt'), 'utf8');
  return text
    .replace('高新区管委会办公室2021年', `${EVIL_AGENCY}2021年`)
    .replace('按照上级收费标准,本年度没有产生信息公开处理费。', EVIL_OTHER);
}
