// The shared task pane, as the web page mounts it (one import site, so the page does not care where it lives).
export { TaskPane } from '../../taskpane/TaskPane';
