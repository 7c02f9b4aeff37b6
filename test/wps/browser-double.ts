// The ET double for a real browser page: exposes a factory the Playwright init script calls before the add-in's
// own scripts run, so `window.Application` is there as WPS would provide it.
import { EtDouble, type EtDoubleOptions } from '../doubles/wps-et';

(window as unknown as { __makeEt: (o?: EtDoubleOptions) => EtDouble }).__makeEt = (o) => new EtDouble(o);
