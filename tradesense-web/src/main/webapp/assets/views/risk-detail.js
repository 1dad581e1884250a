// One challenge for staff: its state, manual actions with a reason, the audit trail and its verification.

import { get, hasRole, plan as loadPlan, post, query } from '../api.js';
import {
  h, fill, field, money, pct, shortId, statusBadge, shortTimeEl, when, words, announce, capitalise,
} from '../dom.js';
import { FAILURE_WORDS } from '../rules.js';
import { busy, clearFormErrors, pageHeading, panel, problemView, showFormError } from '../ui.js';

const AUDIT_PAGE = 100;

const ACTIONS = {
  PAUSE: 'Pause: block trading until a time (or the next day boundary)',
  RESUME: 'Resume: lift a pause now',
  FAIL: 'Fail: end the challenge as failed',
  PASS: 'Pass: pass the current phase now',
  EXTEND: 'Extend: move the time limits by some days',
  RESTORE: 'Restore: undo a failure',
};

export async function riskDetailView(root, [id]) {
  let snapshot;
  try {
    snapshot = await get(`challenges/${encodeURIComponent(id)}`);
  } catch (error) {
    root.append(pageHeading('Challenge'), problemView(error), h('p', {}, h('a', { href: '#/risk', text: 'Back to the risk console' })));
    return;
  }
  let currency = 'USD';
  try {
    currency = (await loadPlan(snapshot.planCode, snapshot.planVersion)).currency || 'USD';
  } catch (e) {
    // Money shows in USD then.
  }

  const summary = h('div', { id: 'detail-summary' });
  const auditBox = h('div', { id: 'audit' });
  const verifyResult = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const moreButton = h('button', { type: 'button', class: 'secondary', id: 'audit-more', text: 'Load more', hidden: true });
  const verifyButton = h('button', { type: 'button', id: 'audit-verify', text: 'Verify the chain' });

  root.append(
    pageHeading(`Challenge ${shortId(id)}`),
    h('p', { class: 'subtitle' }, h('a', { href: '#/risk', text: '← Risk console' }), ' · ',
      h('a', { href: `#/dashboard/${id}`, text: 'Open the live dashboard' })),
    panel('State', summary),
    panel('Manual action', actionForm()),
    panel('Audit trail', h('div', { class: 'actions' }, verifyButton), verifyResult, auditBox, moreButton));

  function renderSummary() {
    const c = snapshot;
    const fact = (label, value) => h('div', { class: 'tile' }, h('dt', { text: label }), h('dd', {}, value));
    fill(summary,
      h('dl', { class: 'tiles compact' },
        fact('Status', statusBadge(c.status)),
        fact('Phase', `${c.phase.index + 1}: ${c.phase.name}`),
        fact('Plan', `${c.planCode} v${c.planVersion}`),
        fact('Trader', h('span', { class: 'mono', text: c.traderId })),
        fact('Balance', money(c.balance, currency)),
        fact('Equity', money(c.equity, currency)),
        fact('Daily-loss room', c.dailyLossFloor === null ? 'no limit' : `${money(c.dailyLossRoom, currency)} (floor ${money(c.dailyLossFloor, currency)})`),
        fact('Max-loss room', c.maxLossFloor === null ? 'no limit' : `${money(c.maxLossRoom, currency)} (floor ${money(c.maxLossFloor, currency)})`),
        fact('Profit target', c.profitTargetBalance === null ? 'none' : `${pct(c.profitTargetProgressPct)} of ${money(c.profitTargetBalance, currency)}`),
        fact('Trading days', String(c.tradingDays)),
        fact('Started', shortTimeEl(c.startedAt)),
        fact('Updated', shortTimeEl(c.updatedAt))),
      c.failure ? h('p', { class: 'banner banner-failed' },
        h('strong', { text: 'Failed: ' }), `${FAILURE_WORDS[c.failure.rule] || words(c.failure.rule)} on ${when(c.failure.at)}.`) : null,
      c.pausedUntil ? h('p', { class: 'banner banner-paused' }, `Paused until ${when(c.pausedUntil)}.`) : null);
  }

  function actionForm() {
    const allowed = hasRole('ADMIN') ? Object.keys(ACTIONS) : ['PAUSE', 'RESUME'];
    const action = h('select', { name: 'action', id: 'action-kind' }, allowed.map((a) => h('option', { value: a, text: ACTIONS[a] })));
    const reason = h('textarea', { name: 'reason', id: 'action-reason', rows: '3', maxlength: '500', required: true });
    const until = h('input', { type: 'datetime-local', name: 'until', id: 'action-until' });
    const days = h('input', { type: 'number', name: 'days', id: 'action-days', min: '1', max: '3650', step: '1' });
    const untilField = field('Paused until (your local time; empty: the next day boundary)', until);
    const daysField = field('Days to extend by', days);
    const submit = h('button', { type: 'submit', id: 'action-submit', text: 'Apply' });
    const form = h('form', { class: 'form', id: 'action-form', novalidate: true },
      field('Action', action),
      field('Reason (recorded in the audit trail)', reason, 'Required, up to 500 characters.'),
      untilField, daysField,
      h('div', { class: 'form-message', 'aria-live': 'polite' }),
      h('div', { class: 'actions' }, submit));
    const sync = () => {
      untilField.hidden = action.value !== 'PAUSE';
      daysField.hidden = action.value !== 'EXTEND';
    };
    action.addEventListener('change', sync);
    sync();
    if (!hasRole('ADMIN')) {
      form.prepend(h('p', { class: 'muted small', text: 'Risk staff may pause and resume; other actions need an administrator.' }));
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      const body = { action: action.value, reason: reason.value.trim() };
      if (action.value === 'PAUSE' && until.value) {
        body.until = new Date(until.value).toISOString();
      }
      if (action.value === 'EXTEND' && days.value) {
        body.days = Number(days.value);
      }
      try {
        snapshot = await busy(submit, () => post(`challenges/${encodeURIComponent(id)}/actions`, body), 'Applying…');
        renderSummary();
        reason.value = '';
        fill(form.querySelector('.form-message'), h('p', {
          class: 'ok', role: 'status', text: `${capitalise(words(body.action))} applied; the challenge is ${words(snapshot.status)}.`,
        }));
        announce(`${capitalise(words(body.action))} applied`);
        await reloadAudit();
      } catch (error) {
        showFormError(form, error);
      }
    });
    return form;
  }

  // ---- Audit -------------------------------------------------------------------------------
  let after = 0;
  let tbody = null;

  async function loadAudit() {
    try {
      const page = await get(`challenges/${encodeURIComponent(id)}/audit${query({ after, limit: AUDIT_PAGE })}`);
      if (!tbody) {
        tbody = h('tbody');
        fill(auditBox, h('div', { class: 'table-wrap' }, h('table', { class: 'data audit-table' },
          h('caption', { class: 'visually-hidden', text: 'Audit trail, oldest first' }),
          h('thead', {}, h('tr', {}, ['#', 'Kind', 'When', 'Actor', 'What', 'Hash'].map((t) => h('th', { scope: 'col', text: t })))),
          tbody)));
      }
      page.items.forEach((entry) => tbody.append(auditRow(entry)));
      after = page.last;
      moreButton.hidden = page.items.length < AUDIT_PAGE;
      if (!tbody.children.length) {
        fill(auditBox, h('p', { class: 'empty', text: 'No entry yet.' }));
        tbody = null;
      }
    } catch (error) {
      fill(auditBox, problemView(error, { live: false }));
    }
  }

  async function reloadAudit() {
    after = 0;
    tbody = null;
    fill(verifyResult);
    await loadAudit();
  }

  function auditRow(entry) {
    return h('tr', { 'data-seq': entry.seq },
      h('th', { scope: 'row', class: 'num', text: String(entry.seq) }),
      h('td', { text: words(entry.kind) }),
      h('td', {}, shortTimeEl(entry.at)),
      h('td', { class: 'mono small', text: entry.actor }),
      h('td', {}, auditWhat(entry)),
      h('td', { class: 'mono small', title: entry.hash, text: `${String(entry.hash).slice(0, 12)}…` }));
  }

  function auditWhat(entry) {
    const c = entry.content || {};
    let line = '';
    if (entry.kind === 'MANUAL_ACTION') {
      line = `${words(c.action)}: “${c.reason}”`;
    } else if (c.event) {
      const e = c.event;
      line = e.type === 'EQUITY' ? `equity ${money(e.equity, currency)}`
        : e.type === 'TRADE_OPENED' ? `opened ${e.id}: ${e.side} ${e.volume} ${e.symbol} at ${e.price}`
          : e.type === 'TRADE_CLOSED' ? `closed ${e.id} at ${e.price}, profit ${money(e.profit, currency)}`
            : words(e.type);
    } else if (c.outcome) {
      line = `${words(c.outcome.type)}${c.outcome.rule ? ` (${words(c.outcome.rule)})` : ''} → ${words(c.status)}`;
    } else if (entry.kind === 'CHALLENGE_STARTED') {
      line = `${c.planCode} v${c.planVersion}`;
    }
    return h('details', {}, h('summary', { text: line || 'details' }), h('pre', { class: 'json', text: JSON.stringify(c, null, 2) }));
  }

  moreButton.addEventListener('click', () => busy(moreButton, loadAudit));
  verifyButton.addEventListener('click', async () => {
    fill(verifyResult);
    try {
      const result = await busy(verifyButton, () => get(`challenges/${encodeURIComponent(id)}/audit/verify`), 'Verifying…');
      fill(verifyResult, result.valid
        ? h('p', { class: 'banner banner-passed', role: 'status', id: 'verify-ok' },
          h('strong', { text: 'The chain holds. ' }), `All ${result.entriesChecked} entries match their hashes.`)
        : h('p', { class: 'banner banner-failed', role: 'alert', id: 'verify-broken' },
          h('strong', { text: 'The chain is broken. ' }),
          `Entry ${result.firstBrokenSeq}: ${result.problem} (${result.entriesChecked} entries checked before it).`));
    } catch (error) {
      fill(verifyResult, problemView(error));
    }
  });

  renderSummary();
  await loadAudit();
}
