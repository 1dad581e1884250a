// The funded stage: what a trader may withdraw, each payout condition's progress, the request button and
// the ledger; and the risk console's approval queue. The engine judges everything (docs/rules.md §20).

import { get, post, query } from '../api.js';
import { h, fill, field, money, when, shortId, words, announce } from '../dom.js';
import { busy, problemView, progressBar } from '../ui.js';

/** The dashboard's payout panel of a funded challenge; refresh() reads the eligibility and ledger again. */
export function payoutsPanel(challengeId, currency) {
  const summary = h('div', { id: 'payout-summary' }, h('p', { class: 'loading', text: 'Loading…' }));
  const checks = h('div', { class: 'bars', id: 'payout-checks' });
  const amount = h('input', { type: 'number', name: 'amount', id: 'payout-amount', min: '0.01', step: '0.01', inputmode: 'decimal' });
  const button = h('button', { type: 'submit', id: 'payout-request', text: 'Request payout' });
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const ledger = h('div', { class: 'table-wrap', id: 'payout-ledger' });
  const form = h('form', { class: 'filters', on: { submit: (event) => { event.preventDefault(); requestPayout(); } } },
    field('Amount', amount, 'Empty: the whole withdrawable amount'), h('div', { class: 'actions' }, button));
  const el = h('div', { id: 'payouts' }, summary, checks, form, message, ledger);
  const base = `challenges/${encodeURIComponent(challengeId)}/payouts`;
  let timer = null;

  async function load() {
    try {
      const [eligibility, list] = await Promise.all([get(`${base}/eligibility`), get(base)]);
      fill(summary, h('p', {}, 'Withdrawable now: ', h('strong', { id: 'payout-withdrawable', text: money(eligibility.withdrawable, currency) }),
        eligibility.traderShare === null ? '' : ` (your share ${money(eligibility.traderShare, currency)})`));
      fill(checks, ...eligibility.checks.map((c) => checkBar(c)));
      button.disabled = !eligibility.eligible;
      fill(ledger, ledgerTable(list.items, currency));
    } catch (error) {
      fill(summary, problemView(error, { live: false }));
    }
  }

  async function requestPayout() {
    fill(message);
    const body = amount.value ? { amount: Number(amount.value) } : {};
    await busy(button, async () => {
      try {
        const created = await post(base, body);
        announce(`Payout of ${money(created.amount, currency)} requested`);
        fill(message, h('p', { class: 'success', text: `Requested ${money(created.amount, currency)}: waiting for approval.` }));
        amount.value = '';
      } catch (error) {
        fill(message, problemView(error));
      }
    }, 'Requesting…');
    await load();
  }

  /** Reads again soon: many states may arrive at once. */
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(load, 500);
  }

  load();
  return { el, refresh };
}

function checkBar(c) {
  const numeric = c.actual !== null && c.required !== null && Number(c.required) > 0
    && !['NOT_FLAT', 'WITHDRAWABLE', 'CONSISTENCY'].includes(c.condition);
  const fraction = c.met ? 1 : (numeric ? Number(c.actual) / Number(c.required) : 0);
  return progressBar({
    label: words(c.condition), fraction, name: `payout-${c.condition.toLowerCase()}`,
    valueText: c.met ? 'met' : 'not yet', detail: c.message, tone: c.met ? 'goal' : 'warn',
  });
}

function ledgerTable(items, currency) {
  if (!items.length) {
    return h('p', { class: 'empty', text: 'No payout requested yet.' });
  }
  return h('table', {},
    h('thead', {}, h('tr', {}, ...['Requested', 'Amount', 'Your share', 'Firm', 'Status', 'Decided by', 'Reason']
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...items.slice().reverse().map((p) => h('tr', { 'data-payout': p.id },
      h('td', { text: when(p.requestedAt) }),
      h('td', { class: 'num', text: money(p.amount, currency) }),
      h('td', { class: 'num', text: p.traderShare === null ? '—' : money(p.traderShare, currency) }),
      h('td', { class: 'num', text: p.firmShare === null ? '—' : money(p.firmShare, currency) }),
      h('td', { text: words(p.status) + (p.status === 'PENDING' && p.firstApprovedBy ? ' (1 approval)' : '') }),
      h('td', { text: p.decidedBy || '' }),
      h('td', { text: p.reason || '' })))));
}

/** The risk console's approval queue: pending requests with approve and reject. */
export function payoutQueue() {
  const list = h('div', { class: 'table-wrap', id: 'payout-queue' }, h('p', { class: 'loading', text: 'Loading…' }));
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });

  async function load() {
    try {
      const page = await get(`payouts${query({ status: 'PENDING' })}`);
      fill(list, page.items.length ? queueTable(page.items) : h('p', { class: 'empty', text: 'No payout waits for approval.' }));
    } catch (error) {
      fill(list, problemView(error, { live: false }));
    }
  }

  async function decide(button, p, action) {
    let body = {};
    if (action === 'reject') {
      const reason = window.prompt(`Reason for rejecting ${money(p.amount, p.currency)}?`);
      if (!reason) {
        return;
      }
      body = { reason };
    }
    await busy(button, async () => {
      try {
        const after = await post(`payouts/${encodeURIComponent(p.id)}/${action}`, body);
        fill(message, h('p', { class: 'success', text: `Payout ${shortId(p.id)}: ${words(after.status)}${after.status === 'PENDING' ? ' (first approval recorded)' : ''}.` }));
      } catch (error) {
        fill(message, problemView(error));
      }
    });
    await load();
  }

  function queueTable(items) {
    return h('table', {},
      h('thead', {}, h('tr', {}, ...['Requested', 'Challenge', 'Trader', 'Amount', 'Approvals', '']
        .map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, ...items.map((p) => {
        const approve = h('button', { type: 'button', class: 'secondary', text: 'Approve' });
        const reject = h('button', { type: 'button', class: 'secondary', text: 'Reject' });
        approve.addEventListener('click', () => decide(approve, p, 'approve'));
        reject.addEventListener('click', () => decide(reject, p, 'reject'));
        return h('tr', { 'data-payout': p.id },
          h('td', { text: when(p.requestedAt) }),
          h('td', {}, h('a', { href: `#/risk/${p.challengeId}`, text: shortId(p.challengeId) })),
          h('td', { text: p.traderId }),
          h('td', { class: 'num', text: money(p.amount, p.currency) }),
          h('td', { text: p.firstApprovedBy ? `1 (${p.firstApprovedBy})` : '0' }),
          h('td', {}, approve, ' ', reject));
      })));
  }

  load();
  return { el: h('div', {}, message, list), refresh: load };
}
