// WPS (ET) takes colours as a BGR long, R + G·256 + B·65536, not as the RGB hex the plan writes: the WPS doc's own
// example `Border.Color = 255` is red (shared/notes/wps-addin.md, "Fill colour"). The template's fills are greys,
// which read the same either way, so these colours are not: pure red, pure blue, and the error highlight.
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { EtDouble } from '../doubles/wps-et';

const RED_BGR = 255; // R=FF
const BLUE_BGR = 255 * 65536; // B=FF
const PINK_BGR = 0xff + 0xc7 * 256 + 0xce * 65536; // FFC7CE

async function formatted(fill: string, color: string) {
  const et = new EtDouble();
  const host = new WpsHost(et.application() as never, { events: { channel: null } });
  await host.applyEdits([{ op: 'format', sheet: 'Sheet1', ranges: ['B2:C3'], format: { fill, font: { color } } }]);
  return [et.sheet('Sheet1').read(2, 2), et.sheet('Sheet1').read(3, 3)];
}

describe('cell colours written through ET', () => {
  it('fill red and font blue land as BGR longs on every cell of the range', async () => {
    for (const cell of await formatted('FF0000', '0000FF')) {
      expect(cell.fill).toBe(RED_BGR);
      expect(cell.fontColor).toBe(BLUE_BGR);
    }
  });

  it('the error pink FFC7CE is 0xCEC7FF to ET', async () => {
    const [cell] = await formatted('FFC7CE', 'FF0000');
    expect(cell.fill).toBe(PINK_BGR);
    expect(cell.fontColor).toBe(RED_BGR);
  });
});
