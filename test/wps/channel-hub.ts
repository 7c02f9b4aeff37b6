// An in-memory stand-in for BroadcastChannel between the add-in's pages: a message reaches every other channel.
import type { EditChannel } from '../../src/hosts/wps/edit-relay';

export function channelHub(): { channel(): EditChannel; posted: number[] } {
  const all = new Set<{ listeners: Set<(n: number) => void> }>();
  const posted: number[] = [];
  return {
    posted,
    channel() {
      const me = { listeners: new Set<(n: number) => void>() };
      all.add(me);
      return {
        post: (n) => {
          posted.push(n);
          for (const other of all) if (other !== me) for (const l of [...other.listeners]) l(n);
        },
        subscribe: (l) => {
          me.listeners.add(l);
          return () => me.listeners.delete(l);
        },
        close: () => all.delete(me),
      };
    },
  };
}
