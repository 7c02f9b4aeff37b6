// Pages of the add-in sit side by side (online: on the intranet server; offline: in the jsaddons folder), so the
// pane's address is the main page's folder plus its file name. Done on strings, as the official template does:
// file:// and custom-scheme locations in WPS are not all URL-constructor friendly.
export function siblingUrl(location: string, file: string): string {
  const clean = location.split('#')[0].split('?')[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1) + file;
}
