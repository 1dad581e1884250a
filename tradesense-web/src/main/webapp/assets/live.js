// A live channel (WebSocket) that reconnects by itself, with a fresh access token each time.

import { refresh, socketUrl } from './api.js';

/**
 * Opens /ws/{path}. Handlers: onMessage(message), onOpen(), onStatus(state, reason) where state is
 * 'connecting' | 'live' | 'reconnecting' | 'refused'. Returns { close() }.
 */
export function liveChannel(path, { onMessage, onOpen, onStatus = () => {} }) {
  let socket = null;
  let closed = false;
  let attempt = 0;
  let timer = null;
  let refusals = 0;

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(connect, delay);
  }

  async function connect() {
    if (closed) {
      return;
    }
    onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    let url;
    try {
      url = await socketUrl(path);
    } catch (e) {
      retry();
      return;
    }
    if (closed) {
      return;
    }
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      attempt = 0;
      onStatus('live');
      if (onOpen) {
        onOpen();
      }
    });
    socket.addEventListener('message', (event) => {
      refusals = 0;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      onMessage(message);
    });
    socket.addEventListener('close', async (event) => {
      socket = null;
      if (closed) {
        return;
      }
      if (event.code === 1008) {
        // Policy violation: the token expired or the caller may not watch this. One refresh, one retry.
        refusals += 1;
        if (refusals === 1) {
          let renewed = false;
          try {
            renewed = await refresh();
          } catch (e) {
            renewed = false;
          }
          if (renewed) {
            schedule(0);
            return;
          }
        }
        onStatus('refused', event.reason || 'the server refused the live connection');
        return;
      }
      retry();
    });
  }

  function retry() {
    attempt += 1;
    onStatus('reconnecting');
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5)) + Math.floor(Math.random() * 500);
    schedule(delay);
  }

  connect();
  return {
    close() {
      closed = true;
      window.clearTimeout(timer);
      if (socket) {
        socket.close(1000, 'leaving the page');
      }
    },
  };
}

/** A small "Live / Reconnecting…" indicator to put beside a heading; update with set(state, reason). */
export function liveIndicator(el) {
  const labels = {
    connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', refused: 'Not live',
  };
  return {
    set(state, reason) {
      el.className = `live-indicator live-${state}`;
      el.textContent = labels[state] || state;
      el.title = reason || '';
    },
  };
}
