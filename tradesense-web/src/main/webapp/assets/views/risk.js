// The risk console: a live board of challenges sortable by room left, alerts, the ops feed, and the
// enforcement commands the platform has not acknowledged.

import { ApiError, get, plan as loadPlan, post, query } from '../api.js';
import {
  h, fill, field, money, pct, shortId, statusBadge, shortTimeEl, todayTimeEl, words, announce,
} from '../dom.js';
import { liveChannel, liveIndicator } from '../live.js';
import { FAILURE_WORDS, conductViolationWords, dailyAllowance, maxAllowance } from '../rules.js';
import { busy, modal, pageHeading, panel, problemView } from '../ui.js';
import { commandsPanel } from './commands.js';
import { payoutQueue } from './payouts.js';

const PAGE = 100;
const MAX_PAGES = 10;
const REFRESH_MS = 20_000;

const COLUMNS = [
  { key: 'challenge', label: 'Challenge' },
  { key: 'trader', label: 'Trader' },
  { key: 'plan', label: 'Plan' },
  { key: 'status', label: 'Status' },
  { key: 'equity', label: 'Equity', sort: (r) => Number(r.c.equity) },
  { key: 'least', label: 'Least room', sort: (r) => leastRoom(r) },
  { key: 'daily', label: 'Daily-loss room', sort: (r) => fractionOr(r.daily) },
  { key: 'max', label: 'Max-loss room', sort: (r) => fractionOr(r.max) },
  { key: 'target', label: 'Target', sort: (r) => (r.c.profitTargetProgressPct === null ? -1 : Number(r.c.profitTargetProgressPct)) },
  { key: 'updated', label: 'Updated', sort: (r) => Date.parse(r.c.updatedAt) },
];

/** What each alert kind means (the percentage is how much of the allowance is used). */
const ALERT_WORDS = {
  DAILY_LOSS_80: 'Daily loss: 80% of the allowance used',
  DAILY_LOSS_95: 'Daily loss: 95% of the allowance used',
  MAX_LOSS_80: 'Max loss: 80% of the allowance used',
  MAX_LOSS_95: 'Max loss: 95% of the allowance used',
  STALE_FEED: 'No recent data from the platform',
  FAILED: 'Challenge failed',
};

function alertWords(kind) {
  return ALERT_WORDS[kind] || words(kind);
}

function fractionOr(value) {
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

function leastRoom(row) {
  return Math.min(fractionOr(row.daily), fractionOr(row.max));
}

export async function riskView(root) {
  const indicatorEl = h('span', { class: 'live-indicator', id: 'ops-indicator', 'aria-live': 'polite' });
  const indicator = liveIndicator(indicatorEl);
  const statusSelect = h('select', { name: 'status', id: 'board-status' },
    ['ACTIVE', 'PAUSED', 'PENDING_REVIEW', 'FAILED', 'PASSED'].map((s) => h('option', { value: s, text: words(s) })));
  const planFilter = h('input', { type: 'search', name: 'plan', id: 'board-plan', placeholder: 'any plan', autocomplete: 'off' });
  const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'board-refresh', text: 'Refresh' });
  const boardMessage = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const boardCount = h('p', { class: 'muted small', id: 'board-count' });
  const board = h('div', { class: 'table-wrap', id: 'board' }, h('p', { class: 'loading', text: 'Loading…' }));
  const alertStatus = h('select', { name: 'alertStatus', id: 'alert-status' },
    h('option', { value: 'OPEN', text: 'open' }), h('option', { value: 'ACKNOWLEDGED', text: 'acknowledged' }));
  const alerts = h('div', { id: 'alerts' }, h('p', { class: 'loading', text: 'Loading…' }));
  const feed = h('ol', { class: 'feed', id: 'ops-feed' });
  const feedEmpty = h('p', { class: 'empty', id: 'ops-feed-empty', text: 'Breaches and changes of status appear here as they happen.' });

  root.append(
    pageHeading('Risk console', indicatorEl),
    h('div', { class: 'risk-layout' },
      h('div', { class: 'risk-main' },
        panel('Challenges',
          h('form', { class: 'filters', on: { submit: (event) => { event.preventDefault(); reload(); } } },
            field('Status', statusSelect), field('Plan code', planFilter),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Apply' }), refreshButton)),
          boardMessage, boardCount, board)),
      h('div', { class: 'risk-side' },
        panel('Payouts to approve', payoutQueue().el),
        panel('Alerts', h('div', { class: 'filters' }, field('Show', alertStatus)), alerts),
        panel('Live feed', feedEmpty, feed),
        commandsPanel())));

  const rows = new Map();
  let sort = { key: 'least', descending: false };
  let disposed = false;
  let alertsAvailable = true;
  const pendingRows = new Map();

  // ---- Board -----------------------------------------------------------------------------
  async function enrich(row) {
    try {
      const p = await loadPlan(row.c.planCode, row.c.planVersion);
      row.definition = p.definition;
      row.currency = p.currency || 'USD';
    } catch (e) {
      row.definition = null;
      row.currency = 'USD';
    }
    computeRooms(row);
  }

  function computeRooms(row) {
    const c = row.c;
    if (!row.definition) {
      row.daily = null;
      row.max = null;
      return;
    }
    const daily = c.dailyLossFloor === null ? null : dailyAllowance(row.definition, c.phase.index, Number(c.dailyLossFloor));
    const max = c.maxLossFloor === null ? null : maxAllowance(row.definition, c.phase.index);
    row.daily = daily ? Number(c.dailyLossRoom) / daily : null;
    row.max = max ? Number(c.maxLossRoom) / max : null;
  }

  async function reload() {
    fill(boardMessage);
    try {
      const found = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await get(`challenges${query({
          status: statusSelect.value, plan: planFilter.value.trim(), page, size: PAGE,
        })}`);
        found.push(...answer.items);
        if ((page + 1) * PAGE >= answer.total || !answer.items.length) {
          fill(boardCount, `${answer.total} challenge${answer.total === 1 ? '' : 's'}`
            + `${answer.total > found.length ? `, the newest ${found.length} shown` : ''}.`);
          break;
        }
      }
      if (disposed) {
        return;
      }
      const previous = new Map(rows);
      rows.clear();
      for (const c of found) {
        const row = { c, definition: previous.get(c.id)?.definition, currency: previous.get(c.id)?.currency || 'USD', changed: false };
        rows.set(c.id, row);
      }
      await Promise.all([...rows.values()].map(enrich));
      renderBoard();
    } catch (error) {
      fill(boardMessage, problemView(error));
    }
  }

  function renderBoard() {
    if (!rows.size) {
      fill(board, h('p', { class: 'empty', text: `No ${words(statusSelect.value)} challenge.` }));
      return;
    }
    const column = COLUMNS.find((col) => col.key === sort.key);
    const sorted = [...rows.values()].sort((a, b) => {
      const av = column.sort(a);
      const bv = column.sort(b);
      const order = av === bv ? 0 : (av < bv ? -1 : 1);
      return sort.descending ? -order : order;
    });
    const head = h('tr', {}, COLUMNS.map((col) => {
      if (!col.sort) {
        return h('th', { scope: 'col', text: col.label });
      }
      const active = sort.key === col.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none' },
        h('button', {
          type: 'button', class: 'sort', 'data-sort': col.key,
          on: {
            click: () => {
              sort = { key: col.key, descending: active ? !sort.descending : false };
              renderBoard();
              const again = board.querySelector(`button[data-sort="${col.key}"]`);
              if (again) {
                again.focus();
              }
              announce(`Sorted by ${col.label}, ${sort.descending ? 'descending' : 'ascending'}`);
            },
          },
        }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕' })));
    }));
    fill(board, h('table', { class: 'data board' },
      h('caption', { class: 'visually-hidden', text: 'Challenges; the column buttons sort the table' }),
      h('thead', {}, head),
      h('tbody', {}, sorted.map(boardRow))));
  }

  function boardRow(row) {
    const c = row.c;
    const currency = row.currency || 'USD';
    const room = (value, fraction) => {
      if (value === null) {
        return h('td', { class: 'num muted', text: 'no limit' });
      }
      const tone = !Number.isFinite(fraction) ? '' : (fraction <= 0.2 ? 'danger' : (fraction <= 0.5 ? 'warn' : 'ok'));
      return h('td', { class: ['num', 'room', tone ? `room-${tone}` : null] },
        h('span', { text: money(value, currency) }),
        Number.isFinite(fraction) ? h('span', { class: 'room-pct', text: ` ${pct(Math.max(0, fraction) * 100, 0)}` }) : null);
    };
    return h('tr', { 'data-challenge': c.id, class: [row.changed ? 'changed' : null, `row-${c.status.toLowerCase()}`] },
      h('th', { scope: 'row' }, h('a', { href: `#/risk/${c.id}`, text: shortId(c.id), title: c.id })),
      h('td', { class: 'mono', title: c.traderId, text: shortId(c.traderId) }),
      h('td', { text: `${c.planCode} v${c.planVersion}` }),
      h('td', { title: c.failure ? `failed: ${words(c.failure.rule)}` : '' }, statusBadge(c.status)),
      h('td', { class: 'num', text: money(c.equity, currency) }),
      h('td', { class: 'num', text: Number.isFinite(leastRoom(row)) ? pct(Math.max(0, leastRoom(row)) * 100, 0) : '–' }),
      room(c.dailyLossFloor === null ? null : c.dailyLossRoom, row.daily),
      room(c.maxLossFloor === null ? null : c.maxLossRoom, row.max),
      h('td', { class: 'num', text: c.profitTargetBalance === null ? '–' : pct(c.profitTargetProgressPct) }),
      h('td', {}, todayTimeEl(c.updatedAt)));
  }

  /** A challenge changed: read it again (once per burst of messages) and update its row. */
  function refreshRow(challengeId) {
    window.clearTimeout(pendingRows.get(challengeId));
    pendingRows.set(challengeId, window.setTimeout(async () => {
      pendingRows.delete(challengeId);
      try {
        const c = await get(`challenges/${encodeURIComponent(challengeId)}`);
        const row = rows.get(challengeId) || { c, currency: 'USD' };
        row.c = c;
        row.changed = true;
        rows.set(challengeId, row);
        await enrich(row);
        if (!disposed) {
          renderBoard();
        }
      } catch (error) {
        // The row stays as it was; the next refresh corrects it.
      }
    }, 250));
  }

  // ---- Alerts ----------------------------------------------------------------------------
  async function loadAlerts() {
    try {
      const page = await get(`alerts${query({ status: alertStatus.value, size: 50 })}`);
      alertsAvailable = true;
      renderAlerts(page.items);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        alertsAvailable = false;
        fill(alerts, h('p', { class: 'muted', text: 'This server does not keep an alert feed yet; breaches still appear in the live feed.' }));
      } else {
        fill(alerts, problemView(error, { live: false }));
      }
    }
  }

  function renderAlerts(items) {
    if (!items.length) {
      fill(alerts, h('p', { class: 'empty', text: alertStatus.value === 'OPEN' ? 'No open alert.' : 'No acknowledged alert.' }));
      return;
    }
    fill(alerts, h('ul', { class: 'alert-list' }, items.map(alertItem)));
  }

  function alertItem(alert) {
    const acked = Boolean(alert.acknowledgedAt);
    return h('li', { class: ['alert', `severity-${String(alert.severity || '').toLowerCase()}`], 'data-alert': alert.id },
      h('div', { class: 'alert-head' },
        h('span', { class: ['badge', `severity-${String(alert.severity || '').toLowerCase()}`], text: words(alert.severity) }),
        h('strong', { text: alertWords(alert.kind) }),
        shortTimeEl(alert.raisedAt)),
      h('p', { text: alert.message || '' }),
      h('p', { class: 'small' }, 'Challenge ', h('a', { href: `#/risk/${alert.challengeId}`, text: shortId(alert.challengeId) }),
        alert.planCode ? ` · ${alert.planCode}` : ''),
      acked
        ? h('p', { class: 'muted small' }, `Acknowledged by ${alert.acknowledgedBy || 'staff'} `, shortTimeEl(alert.acknowledgedAt),
          alert.note ? `: ${alert.note}` : '')
        : h('button', {
          type: 'button', class: 'secondary ack', 'data-ack': alert.id, text: 'Acknowledge',
          on: { click: () => acknowledge(alert) },
        }));
  }

  async function acknowledge(alert) {
    const done = await modal(`Acknowledge: ${alertWords(alert.kind)}`, (close) => {
      const note = h('textarea', { name: 'note', rows: '3', maxlength: '500' });
      const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
      const submit = h('button', { type: 'submit', text: 'Acknowledge' });
      const form = h('form', { class: 'form' },
        h('p', { text: alert.message || '' }),
        field('Note (what you did or decided)', note),
        message,
        h('div', { class: 'actions' }, submit,
          h('button', { type: 'button', class: 'secondary', text: 'Cancel', on: { click: () => close(null) } })));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          const answer = await busy(submit, () => post(`alerts/${encodeURIComponent(alert.id)}/ack`, { note: note.value.trim() }));
          close(answer);
        } catch (error) {
          fill(message, problemView(error));
          if (error instanceof ApiError && error.status === 409) {
            // Someone else acknowledged it meanwhile: show the list as it now is.
            loadAlerts();
          }
        }
      });
      window.setTimeout(() => note.focus(), 0);
      return form;
    });
    if (done) {
      announce('Alert acknowledged');
      await loadAlerts();
    }
  }

  // ---- Live feed ---------------------------------------------------------------------------
  function onMessage(m) {
    if (!m || !m.type) {
      return;
    }
    feedEmpty.hidden = true;
    const data = m.data || {};
    let text;
    if (m.type === 'ALERT') {
      text = `${alertWords(data.kind)}: ${data.message || ''}`;
      if (alertsAvailable && alertStatus.value === 'OPEN') {
        loadAlerts();
      }
    } else if (m.type === 'BREACH') {
      text = `equity ${money(data.equity)} crossed the ${words(data.rule)} floor of ${money(data.floor)}`;
    } else if (m.type === 'FAILED') {
      text = FAILURE_WORDS[data.rule] || words(data.rule);
    } else if (m.type === 'PAUSED') {
      text = `paused until ${new Date(data.until).toLocaleString()}`;
    } else if (m.type === 'CONDUCT_VIOLATION') {
      text = conductViolationWords(data);
    } else {
      text = words(m.type);
    }
    feed.prepend(h('li', { class: ['feed-item', `feed-${m.type.toLowerCase()}`], 'data-type': m.type, 'data-challenge': m.challengeId },
      h('span', { class: ['badge', `feed-badge-${m.type.toLowerCase()}`], text: words(m.type) }), ' ',
      h('a', { href: `#/risk/${m.challengeId}`, text: shortId(m.challengeId) }), ` ${text} `, shortTimeEl(m.at)));
    while (feed.children.length > 50) {
      feed.lastElementChild.remove();
    }
    if (m.type === 'BREACH' || m.type === 'FAILED') {
      announce(`${words(m.type)} on challenge ${shortId(m.challengeId)}`);
    }
    if (m.challengeId) {
      refreshRow(m.challengeId);
    }
  }

  statusSelect.addEventListener('change', reload);
  alertStatus.addEventListener('change', loadAlerts);
  refreshButton.addEventListener('click', () => busy(refreshButton, reload));

  let opened = 0;
  const channel = liveChannel('ops', {
    onMessage,
    onOpen: () => {
      opened += 1;
      if (opened > 1) {
        // Messages sent while disconnected are gone; read the board again.
        reload();
        loadAlerts();
      }
    },
    onStatus: (state, reason) => indicator.set(state, reason),
  });
  const timer = window.setInterval(() => {
    if (document.visibilityState === 'visible') {
      reload();
    }
  }, REFRESH_MS);
  await Promise.all([reload(), loadAlerts()]);

  return () => {
    disposed = true;
    channel.close();
    window.clearInterval(timer);
    pendingRows.forEach((t) => window.clearTimeout(t));
  };
}
