// The what-if simulator: a plan (as published or edited) and a history of events through the engine.

import { ApiError, get, post, query } from '../api.js';
import { equityChart } from '../chart.js';
import { h, fill, field, money, num, statusBadge, shortTimeEl, when, words, announce } from '../dom.js';
import { FAILURE_WORDS } from '../rules.js';
import { busy, clearFormErrors, pageHeading, panel, problemView, showFormError } from '../ui.js';

const SHOWN_ROWS = 500;

export async function simulatorView(root) {
  const planSelect = h('select', { name: 'planCode', id: 'sim-plan' });
  const planText = h('textarea', { name: 'plan', id: 'sim-plan-json', rows: '14', spellcheck: 'false', class: 'code' });
  const useEdited = h('input', { type: 'checkbox', name: 'useEdited', id: 'sim-use-edited' });
  const startAt = h('input', { type: 'datetime-local', name: 'startAt', id: 'sim-start', step: '1' });
  const eventsText = h('textarea', {
    name: 'events', id: 'sim-events', rows: '12', spellcheck: 'false', class: 'code',
    placeholder: '[ { "type": "TRADE_OPENED", "id": "t-1", "at": "2026-03-02T09:00:00Z", "symbol": "EURUSD", "side": "BUY", "volume": 1, "price": 1.085 } ]',
  });
  const upload = h('input', { type: 'file', name: 'upload', id: 'sim-upload', accept: '.json,application/json' });
  const calendarText = h('textarea', {
    name: 'calendar', id: 'sim-calendar', rows: '4', spellcheck: 'false', class: 'code',
    placeholder: 'at,title,impact,symbols\n2026-03-06T13:30:00Z,Non-farm payrolls,HIGH,EURUSD US30',
  });
  const exampleButton = h('button', { type: 'button', class: 'secondary', id: 'sim-example', text: 'Insert an example history' });
  const run = h('button', { type: 'submit', id: 'sim-run', text: 'Run the simulation' });
  const results = h('div', { id: 'sim-results' });

  const form = h('form', { class: 'form', id: 'sim-form', novalidate: true },
    h('fieldset', {}, h('legend', { text: 'Plan' }),
      field('Plan from the catalogue', planSelect),
      h('details', { id: 'sim-edit' }, h('summary', { text: 'Edit the plan (JSON)' }),
        field('Plan document', planText, 'Change any rule; the code may be left out. Nothing is stored.'),
        h('div', { class: 'check' }, useEdited, h('label', { for: 'sim-use-edited', text: 'Simulate with my edited plan' })))),
    h('fieldset', {}, h('legend', { text: 'History' }),
      field('Start of the account (your local time; empty: the first event)', startAt),
      h('div', { class: 'field', 'data-field': 'events' },
        h('label', { for: 'sim-events', text: 'Events (a JSON array, as the platform sends them)' }),
        eventsText,
        h('p', { class: 'field-error', id: 'sim-events-error', hidden: true })),
      h('div', { class: 'actions' }, field('Or upload a JSON file', upload), exampleButton),
      h('div', { class: 'field', 'data-field': 'calendar' },
        h('label', { for: 'sim-calendar', text: 'Economic calendar for news rules (CSV or a JSON array; empty: the firm\u2019s)' }),
        calendarText)),
    h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, run));

  root.append(pageHeading('What-if simulator'),
    h('p', { class: 'lead', text: 'Run a history of events through a plan with the same engine that judges live accounts. Nothing is stored.' }),
    panel('Input', form), results);

  let plans = [];
  try {
    plans = (await get(`plans${query({ size: 100 })}`)).items;
  } catch (error) {
    fill(form.querySelector('.form-message'), problemView(error));
  }
  fill(planSelect, plans.map((p) => h('option', { value: p.code, text: `${p.name} (${p.code} v${p.version})` })));
  const selectedPlan = () => plans.find((p) => p.code === planSelect.value);
  const showPlan = () => {
    const p = selectedPlan();
    planText.value = p ? JSON.stringify(p.definition, null, 2) : '';
    useEdited.checked = false;
  };
  planSelect.addEventListener('change', showPlan);
  planText.addEventListener('input', () => { useEdited.checked = true; });
  showPlan();

  upload.addEventListener('change', async () => {
    const file = upload.files && upload.files[0];
    if (file) {
      eventsText.value = await file.text();
      announce(`${file.name} loaded`);
    }
  });
  exampleButton.addEventListener('click', () => {
    const p = selectedPlan();
    eventsText.value = JSON.stringify(example(p ? Number(p.initialBalance) : 100000), null, 2);
    startAt.value = '';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    let body;
    try {
      body = requestBody();
    } catch (error) {
      showFormError(form, error);
      return;
    }
    fill(results, h('p', { class: 'loading', text: 'Simulating…' }));
    try {
      const answer = await busy(run, () => post('simulations', body), 'Simulating…');
      const currency = (body.plan && body.plan.currency) || (selectedPlan() && selectedPlan().currency) || 'USD';
      fill(results, resultView(answer, currency, body.events));
      announce(`Simulation finished: ${words(answer.final.status)}`);
    } catch (error) {
      fill(results);
      showFormError(form, error);
    }
  });

  function requestBody() {
    let events;
    try {
      events = JSON.parse(eventsText.value || '[]');
    } catch (e) {
      throw new ApiError(400, 'The events are not valid JSON', e.message, [{ path: 'events', message: 'is not valid JSON' }]);
    }
    if (events && !Array.isArray(events) && Array.isArray(events.events)) {
      events = events.events;
    }
    if (!Array.isArray(events) || !events.length) {
      throw new ApiError(400, 'No events', 'Paste or upload a JSON array of at least one event.',
        [{ path: 'events', message: 'must be a JSON array of events' }]);
    }
    const body = {};
    if (useEdited.checked) {
      try {
        body.plan = JSON.parse(planText.value);
      } catch (e) {
        throw new ApiError(400, 'The edited plan is not valid JSON', e.message, [{ path: 'plan', message: 'is not valid JSON' }]);
      }
    } else {
      const p = selectedPlan();
      if (!p) {
        throw new ApiError(400, 'No plan', 'Pick a plan or edit one.');
      }
      body.planCode = p.code;
      body.planVersion = p.version;
    }
    if (startAt.value) {
      body.startAt = new Date(startAt.value).toISOString();
    }
    body.events = events;
    const calendar = calendarText.value.trim();
    if (calendar) {
      // A JSON array of entries goes as it is; anything else is the CSV import's text.
      body.calendar = calendar.startsWith('[') ? JSON.parse(calendar) : calendar;
    }
    return body;
  }
}

function resultView(answer, currency, events) {
  const f = answer.final;
  const timeline = answer.timeline || [];
  const chartBox = h('div', { class: 'chart-box', id: 'sim-chart' });
  const fact = (label, value) => h('div', { class: 'tile' }, h('dt', { text: label }), h('dd', {}, value));
  const tbody = h('tbody');
  let shown = 0;
  const more = h('button', { type: 'button', class: 'secondary', text: `Show ${SHOWN_ROWS} more` });
  const showMore = () => {
    timeline.slice(shown, shown + SHOWN_ROWS).forEach((step) => tbody.append(timelineRow(step, currency)));
    shown = Math.min(timeline.length, shown + SHOWN_ROWS);
    more.hidden = shown >= timeline.length;
  };
  more.addEventListener('click', showMore);
  showMore();
  const view = h('div', { class: 'sim-results' },
    panel('Final state',
      h('dl', { class: 'tiles compact', id: 'sim-final' },
        fact('Status', statusBadge(f.status)),
        fact('Phase', `${f.phase.index + 1}: ${f.phase.name}`),
        fact('Balance', money(f.balance, currency)),
        fact('Equity', money(f.equity, currency)),
        fact('Daily-loss floor', f.dailyLossFloor === null ? 'none' : money(f.dailyLossFloor, currency)),
        fact('Max-loss floor', f.maxLossFloor === null ? 'none' : money(f.maxLossFloor, currency)),
        fact('Trading days', String(f.tradingDays)),
        fact('Events', num(events.length, 0))),
      f.failure ? h('p', { class: 'banner banner-failed', id: 'sim-failure' }, h('strong', { text: 'Failed: ' }),
        `${FAILURE_WORDS[f.failure.rule] || words(f.failure.rule)} at ${when(f.failure.at)}`,
        f.failure.floor !== null ? ` (equity ${money(f.failure.equity, currency)}, floor ${money(f.failure.floor, currency)}).` : '.') : null),
    panel('Equity curve', chartBox),
    panel('Timeline', h('div', { class: 'table-wrap' }, h('table', { class: 'data timeline' },
      h('thead', {}, h('tr', {}, ['#', 'Event', 'At', 'Status', 'Balance', 'Equity', 'Daily floor', 'Max floor', 'Outcomes']
        .map((t) => h('th', { scope: 'col', text: t })))),
      tbody)), more));
  window.requestAnimationFrame(() => equityChart(chartBox, {
    currency,
    label: 'Simulated equity',
    target: f.profitTargetBalance === null ? null : Number(f.profitTargetBalance),
    points: timeline.map((step) => ({
      t: Date.parse(step.at),
      equity: Number(step.equity),
      balance: Number(step.balance),
      dailyLossFloor: step.dailyLossFloor === null ? null : Number(step.dailyLossFloor),
      maxLossFloor: step.maxLossFloor === null ? null : Number(step.maxLossFloor),
      ...(outcomeTypes(step.outcomes).some((t) => t === 'BREACH' || t === 'FAILED') ? { mark: 'breach', markLabel: 'breach' } : {}),
    })),
  }));
  return view;
}

function outcomeTypes(outcomes) {
  return (outcomes || []).map((o) => (typeof o === 'string' ? o : o.type));
}

function timelineRow(step, currency) {
  const types = outcomeTypes(step.outcomes);
  return h('tr', { class: types.includes('FAILED') || types.includes('BREACH') ? 'bad' : null },
    h('th', { scope: 'row', class: 'num', text: String(step.index) }),
    h('td', { text: words(step.type) }),
    h('td', {}, shortTimeEl(step.at)),
    h('td', {}, statusBadge(step.status)),
    h('td', { class: 'num', text: money(step.balance, currency) }),
    h('td', { class: 'num', text: money(step.equity, currency) }),
    h('td', { class: 'num', text: step.dailyLossFloor === null ? '–' : money(step.dailyLossFloor, currency) }),
    h('td', { class: 'num', text: step.maxLossFloor === null ? '–' : money(step.maxLossFloor, currency) }),
    h('td', { text: types.map(words).join(', ') }));
}

/** A small history that ends in a daily-loss breach, scaled to the account. */
function example(initial) {
  const start = new Date();
  start.setUTCHours(8, 0, 0, 0);
  start.setUTCDate(start.getUTCDate() - 3);
  const at = (hours) => new Date(start.getTime() + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
  const gain = Math.round(initial * 0.012);
  return [
    { type: 'TRADE_OPENED', id: 't-1', at: at(1), symbol: 'EURUSD', side: 'BUY', volume: 1, price: 1.085 },
    { type: 'EQUITY', at: at(2), equity: initial + gain / 2 },
    { type: 'TRADE_CLOSED', id: 't-1', at: at(3), price: 1.0962, profit: gain },
    { type: 'TRADE_OPENED', id: 't-2', at: at(25), symbol: 'XAUUSD', side: 'SELL', volume: 2, price: 2315.5 },
    { type: 'EQUITY', at: at(26), equity: initial + gain - Math.round(initial * 0.03) },
    { type: 'EQUITY', at: at(27), equity: initial + gain - Math.round(initial * 0.07) },
    { type: 'TRADE_CLOSED', id: 't-2', at: at(28), price: 2350.1, profit: -Math.round(initial * 0.07) },
  ];
}
