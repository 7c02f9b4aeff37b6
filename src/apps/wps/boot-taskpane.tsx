// The composition root of the WPS task pane page (taskpane.html → taskpane.js): the shared pane over WpsHost.
// The pane page gets the same window.Application as the main page and calls it directly.
import '../../hosts/wps/legacy-runtime';
import { mountTaskPane } from '../../taskpane/mount';
import { findApplication } from '../../hosts/wps/et-api';
import { WpsHost } from '../../hosts/wps/wps-host';

const root = document.getElementById('root')!;
const app = findApplication(window);
if (app) mountTaskPane(root, new WpsHost(app));
else
  root.textContent =
    '年报助手的任务窗格需要在 WPS 表格中打开（找不到 WPS 的 Application 对象）。请在 WPS 表格的「年报助手」选项卡中点击「打开任务窗格」。';
