// The pane's address beside the main page when the add-in sits under a Chinese user profile: the browser gives the
// location percent-encoded, WPS gets it decoded as Kingsoft's template gives it (decodeURI in js/util.js GetUrlPath).
import { siblingUrl } from './page-url';

const ZHANG_SAN = encodeURIComponent('张三'); // %E5%BC%A0%E4%B8%89, as location.href spells it

describe('siblingUrl with a Chinese user-profile path', () => {
  it('decodes a Windows profile folder (offline add-in in %APPDATA%\\kingsoft\\wps\\jsaddons)', () => {
    const href = `file:///C:/Users/${ZHANG_SAN}/AppData/Roaming/kingsoft/wps/jsaddons/nianbao_0.1.0/index.html`;
    expect(href).toContain('%E5%BC%A0%E4%B8%89');
    expect(siblingUrl(href, 'taskpane.html')).toBe(
      'file:///C:/Users/张三/AppData/Roaming/kingsoft/wps/jsaddons/nianbao_0.1.0/taskpane.html',
    );
  });

  it('decodes a Linux home (统信 / 麒麟) and a folder name with a space', () => {
    const href = `file:///home/${ZHANG_SAN}/.local/share/Kingsoft/wps/jsaddons/nianbao_0.1.0/index.html?v=1#top`;
    expect(siblingUrl(href, 'taskpane.html')).toBe(
      'file:///home/张三/.local/share/Kingsoft/wps/jsaddons/nianbao_0.1.0/taskpane.html',
    );
    expect(siblingUrl('file:///D:/%E5%B9%B4%E6%8A%A5%20%E5%8A%A9%E6%89%8B/index.html', 'taskpane.html')).toBe(
      'file:///D:/年报 助手/taskpane.html',
    );
  });

  it('keeps reserved characters encoded and an undecodable address as it is', () => {
    // decodeURI leaves %23 (#) and %3F (?) alone: the file name still ends where it should.
    expect(siblingUrl('file:///C:/a%23b/index.html', 'taskpane.html')).toBe('file:///C:/a%23b/taskpane.html');
    expect(siblingUrl('file:///C:/bad%E5%BC/index.html', 'taskpane.html')).toBe('file:///C:/bad%E5%BC/taskpane.html');
    expect(siblingUrl('http://intra/nianbao/', 'taskpane.html')).toBe('http://intra/nianbao/taskpane.html');
  });
});
