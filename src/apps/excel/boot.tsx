// The composition root of the Excel task pane (taskpane.html): the shared pane wired to ExcelHost. The old-host
// check already ran as plain ES5 in the page.
import { mountTaskPane } from '../../taskpane/mount';
import { startExcelPane } from '../../hosts/excel/start-pane';

void startExcelPane({ mount: (element, host) => mountTaskPane(element, host) });
