// Surveillance across accounts (docs/surveillance.md): findings with the accounts' trades side by side,
// dismissal with a note (acknowledging the finding's alert), and the traders staff have linked.

import { del, get, post, query } from '../api.js';
import { h, fill, field, when, shortId, words, announce } from '../dom.js';
import { busy, pageHeading, panel, problemView } from '../ui.js';

const KIND_WORDS = {
  COPY_TRADING: 'Copy trading',
  CROSS_HEDGE: 'Hedge across accounts',
  SHARED_IP: 'Shared address',
};

export async function surveillanceView(root) {
  const status = h('select', { name: 'status', id: 'finding-status' },
    [['OPEN', 'Open'], ['ACKNOWLEDGED', 'Dismissed'], ['', 'All']].map(([v, t]) => h('option', { value: v, text: t })));
  const kind = h('select', { name: 'kind', id: 'finding-kind' },
    [['', 'Any kind'], ...Object.entries(KIND_WORDS)].map(([v, t]) => h('option', { value: v, text: t })));
  const list = h('div', { id: 'findings' }, h('p', { class: 'loading', text: 'Loading…' }));
  const links = h('div', { id: 'trader-links' });
  const filters = h('form', { class: 'filters', on: { change: () => loadFindings(), submit: (e) => { e.preventDefault(); loadFindings(); } } },
    field('Status', status), field('Kind', kind));

  async function loadFindings() {
    try {
      const page = await get(`surveillance/findings${query({ status: status.value, kind: kind.value, size: 100 })}`);
      fill(list, page.items.length ? page.items.map((alert) => findingCard(alert, loadFindings))
        : h('p', { class: 'empty', text: 'No findings.' }));
    } catch (error) {
      fill(list, problemView(error, { live: false }));
    }
  }

  async function loadLinks() {
    try {
      const answer = await get('surveillance/links');
      fill(links, linksTable(answer.items, loadLinks));
    } catch (error) {
      fill(links, problemView(error, { live: false }));
    }
  }

  fill(root, pageHeading('Surveillance'),
    h('p', { text: 'Findings across accounts for staff to judge; nothing here changes an account.' }),
    panel('Findings', filters, list),
    panel('Linked traders', linkForm(loadLinks), links));
  await Promise.all([loadFindings(), loadLinks()]);
}

function findingCard(alert, reload) {
  const data = alert.data;
  const note = h('input', { type: 'text', name: 'note', maxlength: '1000', required: true, id: `note-${alert.id}` });
  const button = h('button', { type: 'submit', text: 'Dismiss' });
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const dismiss = alert.acknowledgedAt
    ? h('p', { class: 'muted', text: `Dismissed by ${alert.acknowledgedBy} ${when(alert.acknowledgedAt)}: ${alert.note}` })
    : h('form', { class: 'filters', on: { submit: (event) => { event.preventDefault(); dismissFinding(); } } },
      field('Note', note), h('div', { class: 'actions' }, button), message);

  async function dismissFinding() {
    await busy(button, async () => {
      try {
        await post(`alerts/${encodeURIComponent(alert.id)}/ack`, { note: note.value });
        announce('Finding dismissed');
        await reload();
      } catch (error) {
        fill(message, problemView(error));
      }
    }, 'Dismissing…');
  }

  return h('article', { class: 'finding', 'data-finding': alert.id },
    h('h3', { text: `${KIND_WORDS[data.finding] || words(data.finding)} — ${data.day}` }),
    h('p', { text: alert.message }),
    h('p', {}, 'Accounts: ', ...data.accounts.map((id, i) => [i ? ', ' : '', h('a', { href: `#/risk/${id}`, text: shortId(id) })])),
    h('p', { text: `Traders: ${data.traders.join(', ')}` }),
    data.pairs ? pairsTable(data.pairs) : sightingsTable(data),
    dismiss);
}

/** The matched (or offsetting) trades of two accounts side by side, one pair a row. */
function pairsTable(pairs) {
  const cells = (t) => [h('td', { text: shortId(t.challengeId) }), h('td', { text: `${t.side} ${t.symbol}` }),
    h('td', { text: when(t.openedAt) }), h('td', { text: t.closedAt ? when(t.closedAt) : 'open' })];
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ...['Account', 'Trade', 'Opened', 'Closed', 'Account', 'Trade', 'Opened', 'Closed', 'Apart']
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...pairs.map(([a, b]) => h('tr', {}, ...cells(a), ...cells(b),
      h('td', { class: 'num', text: `${Math.abs(Date.parse(b.openedAt) - Date.parse(a.openedAt))} ms` }))))));
}

function sightingsTable(data) {
  return h('div', { class: 'table-wrap' }, h('p', { text: `Address ${data.address}, seen ${data.sightings} times` }),
    h('table', {}, h('thead', {}, h('tr', {}, ...['Trader', 'Account', 'Trade', 'At'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, ...data.seen.map((s) => h('tr', {}, h('td', { text: s.traderId }),
        h('td', { text: s.challengeId ? shortId(s.challengeId) : 'sign-in' }), h('td', { text: s.tradeId || '' }),
        h('td', { text: when(s.at) }))))));
}

function linkForm(reload) {
  const a = h('input', { type: 'text', name: 'traderA', id: 'link-a', required: true, autocomplete: 'off' });
  const b = h('input', { type: 'text', name: 'traderB', id: 'link-b', required: true, autocomplete: 'off' });
  const kind = h('select', { name: 'kind', id: 'link-kind' },
    ['HOUSEHOLD', 'COMPANY', 'OTHER'].map((k) => h('option', { value: k, text: words(k) })));
  const note = h('input', { type: 'text', name: 'note', id: 'link-note', maxlength: '1000' });
  const button = h('button', { type: 'submit', text: 'Link traders' });
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', id: 'link-form', on: { submit: (event) => { event.preventDefault(); link(); } } },
    field('Trader', a), field('Other trader', b), field('Kind', kind), field('Note', note),
    h('div', { class: 'actions' }, button), message);

  async function link() {
    fill(message);
    await busy(button, async () => {
      try {
        await post('surveillance/links', { traderA: a.value, traderB: b.value, kind: kind.value, note: note.value || undefined });
        announce('Traders linked');
        form.reset();
        await reload();
      } catch (error) {
        fill(message, problemView(error));
      }
    }, 'Linking…');
  }
  return form;
}

function linksTable(items, reload) {
  if (!items.length) {
    return h('p', { class: 'empty', text: 'No traders linked.' });
  }
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ...['Trader', 'Other trader', 'Kind', 'Note', 'Linked by', '']
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...items.map((l) => h('tr', { 'data-link': l.id },
      h('td', { text: l.traderA }), h('td', { text: l.traderB }), h('td', { text: words(l.kind) }),
      h('td', { text: l.note || '' }), h('td', { text: `${l.linkedBy} ${when(l.linkedAt)}` }),
      h('td', {}, h('button', { type: 'button', class: 'secondary', text: 'Unlink',
        on: { click: async () => { await del(`surveillance/links/${encodeURIComponent(l.id)}`); await reload(); } } })))))));
}
