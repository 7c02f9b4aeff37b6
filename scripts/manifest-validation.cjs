// What `npm run validate:manifest` says about office-addin-manifest's answer (scripts/validate-manifest.mjs), kept
// apart from the network call so a test can check every case offline.
'use strict';

const OFFLINE_HINT =
  '无法连接微软的清单校验服务（validationgateway.omex.office.net），这台电脑可能不能访问互联网：' +
  '官方校验没有运行。离线检查请用 npx jest test/excel/manifest（xmllint + 清单 XSD）；发布前请在能上网的电脑上再运行一次本命令。';

/** { code, lines }: code 0 valid, 1 rejected, 2 the service could not be reached (offline). */
function describeValidation(outcome) {
  if (outcome instanceof Error || (outcome && outcome.error)) {
    const error = outcome instanceof Error ? outcome : outcome.error;
    const offline = /Unable to contact the manifest validation service/i.test(String(error && error.message));
    return offline
      ? { code: 2, lines: ['离线：' + OFFLINE_HINT, `（${String(error.message).split('\n')[0]}）`] }
      : { code: 1, lines: [`清单校验出错：${error && error.message}`] };
  }
  const report = outcome.report || {};
  const issues = (kind, list) =>
    (list || []).map(
      (i) =>
        `${kind}${i.line ? `（第 ${i.line} 行）` : ''}：${i.title || i.code || ''}${i.content ? ` — ${i.content}` : ''}`,
    );
  const lines = [...issues('错误', report.errors), ...issues('警告', report.warnings)];
  if (outcome.isValid) return { code: 0, lines: ['清单通过微软官方校验。', ...lines] };
  const status = outcome.status ? `（HTTP ${outcome.status} ${outcome.statusText || ''}）` : '';
  return { code: 1, lines: [`清单没有通过微软官方校验${status}。`, ...lines] };
}

module.exports = { describeValidation, OFFLINE_HINT };
