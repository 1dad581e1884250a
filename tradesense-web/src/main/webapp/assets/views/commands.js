// The platform's enforcement commands it has not acknowledged yet, for the risk console
// (GET /api/v1/platform/commands?open=true; docs/webhooks.md).

import { get, query } from '../api.js';
import { h, fill, shortId, shortTimeEl } from '../dom.js';
import { panel, problemView } from '../ui.js';

const REFRESH_MS = 20_000;
const LIMIT = 1000;

const COMMAND_WORDS = {
  CLOSE_ALL_AND_DISABLE: 'Close all, disable',
  CLOSE_ALL_AND_SUSPEND: 'Close all, suspend',
};

export function commandsPanel() {
  const list = h('div', { id: 'platform-commands' }, h('p', { class: 'loading', text: 'Loading…' }));
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'commands-refresh', text: 'Refresh' });
  const element = panel('Commands not acknowledged by the platform', list, h('div', { class: 'actions' }, refresh));

  async function load() {
    try {
      const answer = await get(`platform/commands${query({ after: 0, open: 'true', limit: LIMIT })}`);
      fill(list, answer.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data commands' },
        h('thead', {}, h('tr', {}, ['#', 'Challenge', 'Command', 'Until', 'Reason', 'Issued'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map((c) => h('tr', { 'data-command': String(c.seq) },
          h('th', { scope: 'row', class: 'num', text: String(c.seq) }),
          h('td', {}, h('a', { href: `#/risk/${encodeURIComponent(c.challengeId)}`, class: 'mono', text: shortId(c.challengeId) })),
          h('td', { text: COMMAND_WORDS[c.command] || c.command }),
          h('td', {}, c.until ? shortTimeEl(c.until) : '—'),
          h('td', { class: 'small', text: c.reason }),
          h('td', {}, shortTimeEl(c.createdAt)))))))
        : h('p', { class: 'empty', text: 'The platform has acknowledged every command.' }));
    } catch (error) {
      fill(list, problemView(error));
    }
  }

  refresh.addEventListener('click', load);
  const timer = setInterval(() => {
    if (!element.isConnected) {
      clearInterval(timer);
      return;
    }
    load();
  }, REFRESH_MS);
  load();
  return element;
}
