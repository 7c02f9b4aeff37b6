// The add-in's main page (index.html → main.js): WPS loads it hidden when ET starts and keeps it for the session.
// It exposes the ribbon callbacks named in ribbon.xml as globals and relays edit events to the task pane.
import './legacy-runtime';
import { findApplication } from './et-api';
import { siblingUrl } from './page-url';
import { createRibbon } from './ribbon';

const app = findApplication(window);
if (app) {
  const ribbon = createRibbon(app, {
    paneUrl: siblingUrl(document.location.href, 'taskpane.html'),
    report: (message) => window.alert(message),
  });
  Object.assign(window, {
    ribbon,
    OnAddinLoad: ribbon.OnAddinLoad,
    OnAction: ribbon.OnAction,
    GetImage: ribbon.GetImage,
  });
} else {
  console.warn('年报助手：这个页面不在 WPS 表格中打开，找不到 Application 对象');
}
