/* global window, document, navigator, Office */
/* Inlined into taskpane.html ahead of office.js's callbacks and the React bundle. ES5 only: it must run in the
   IE11 (Trident) and EdgeHTML webviews of Excel 2016/2019, which cannot parse the pane, so that they show a
   message instead of a blank pane. */
(function () {
  function legacyWebview(ua) {
    // EdgeHTML says "Edge/18"; Chromium Edge (WebView2) says "Edg/".
    return /Trident\/|MSIE |Edge\/\d/.test(ua || '');
  }

  function show(reason) {
    var root = document.getElementById('root');
    var box = document.getElementById('nb-unsupported');
    var line = document.getElementById('nb-unsupported-' + reason);
    if (root) root.style.display = 'none';
    if (box) box.style.display = 'block';
    if (line) line.style.display = 'block';
    window.__nianbaoUnsupported = reason;
  }

  /* Returns why the pane cannot run here ('webview', 'outside', 'api'), or '' when it can. */
  function reasonFor(ua, office, info) {
    if (legacyWebview(ua)) return 'webview';
    if (!office || !info || info.host !== 'Excel') return 'outside';
    var req = office.context && office.context.requirements;
    if (!req || !req.isSetSupported('ExcelApi', '1.7')) return 'api';
    return '';
  }

  window.__nianbaoHostCheck = { reasonFor: reasonFor, show: show };

  if (legacyWebview(navigator.userAgent)) {
    show('webview');
    return;
  }
  if (typeof Office !== 'undefined' && Office.onReady) {
    Office.onReady(function (info) {
      var reason = reasonFor(navigator.userAgent, Office, info);
      if (reason) show(reason);
    });
  }
})();
