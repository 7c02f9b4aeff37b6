// The manifest's FunctionFile. The ribbon button only opens the pane (ShowTaskpane), so this page has nothing to
// run; Office still loads it and waits for onReady.
Office.onReady(() => undefined);
