// Entry of the Excel task pane (taskpane.html). The old-host check already ran as plain ES5 in the page.
import { mountTaskPane } from '../../taskpane/mount';
import { startExcelPane } from './start-pane';

void startExcelPane({ mount: (element, host) => mountTaskPane(element, host) });
