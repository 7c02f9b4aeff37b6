// Pages of the add-in sit side by side (online: on the intranet server; offline: in the jsaddons folder), so the
// pane's address is the main page's folder plus its file name. Done on strings, as the official template does:
// file:// and custom-scheme locations in WPS are not all URL-constructor friendly.
//
// The browser hands out the location percent-encoded (file:///C:/Users/%E5%BC%A0%E4%B8%89/… for a user 张三), while
// Kingsoft's own template decodes it with decodeURI before CreateTaskPane (wpsjs 2.2.3 et template, js/util.js
// GetUrlPath). We do the same, so a Chinese user-profile path reaches WPS as written on disk; an address that does not
// decode (a stray "%") is kept as it is rather than lost.
export function siblingUrl(location: string, file: string): string {
  const clean = location.split('#')[0].split('?')[0];
  const folder = clean.slice(0, clean.lastIndexOf('/') + 1);
  try {
    return decodeURI(folder) + file;
  } catch {
    return folder + file;
  }
}
