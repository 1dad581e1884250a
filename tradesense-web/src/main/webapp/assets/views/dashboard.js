// One challenge, live: figures, loss rooms, the equity curve with both floors, trades, the rules.

import { ApiError, get, isStaff, plan as loadPlan, post, query } from '../api.js';
import { equityChart, dayChart } from '../chart.js';
import {
  h, fill, money, num, pct, when, inZone, countdown, shortId, statusBadge, words, announce, shortTimeEl,
} from '../dom.js';
import { liveChannel, liveIndicator } from '../live.js';
import {
  FAILURE_WORDS, HOLD_WORDS, conductViolationWords, dailyAllowance, maxAllowance, phaseOf, planRulesView,
} from '../rules.js';
import { pageHeading, panel, problemView, progressBar, roomTone } from '../ui.js';
import { payoutsPanel } from './payouts.js';

const EVENT_PAGE = 1000;
const MAX_HISTORY = 20_000;
const STATUS_MESSAGES = new Set(['BREACH', 'PAUSED', 'RESUMED', 'PHASE_PASSED', 'PENDING_REVIEW', 'PASSED',
  'FAILED', 'EXTENDED', 'RESTORED', 'CONDUCT_VIOLATION']);

export async function dashboardView(root, [id]) {
  let snapshot;
  try {
    snapshot = await get(`challenges/${encodeURIComponent(id)}`);
  } catch (error) {
    root.append(pageHeading('Challenge'), problemView(error),
      h('p', {}, h('a', { href: '#/challenges', text: 'Back to your challenges' })));
    return undefined;
  }
  let planDto;
  try {
    planDto = await loadPlan(snapshot.planCode, snapshot.planVersion);
  } catch (error) {
    planDto = null;
  }
  const definition = planDto ? planDto.definition : null;
  const currency = (planDto && planDto.currency) || 'USD';
  const zone = definition ? definition.dayBoundary.zone : 'UTC';

  // ---- Layout ----------------------------------------------------------------------------
  const indicatorEl = h('span', { class: 'live-indicator', id: 'live-indicator', 'aria-live': 'polite' });
  const indicator = liveIndicator(indicatorEl);
  const banner = h('div', { id: 'outcome-banner' });
  const notices = h('div', { class: 'notices', id: 'live-notices' });
  const tiles = h('dl', { class: 'tiles', id: 'tiles' });
  const bars = h('div', { class: 'bars', id: 'bars' });
  const clock = h('p', { class: 'countdown', id: 'countdown' });
  const chartBox = h('div', { class: 'chart-box', id: 'equity-chart' });
  const chartNote = h('p', { class: 'muted small', id: 'chart-note' });
  const statsBox = h('div', { id: 'stats' });
  const trades = h('div', { id: 'trades' }, h('p', { class: 'loading', text: 'Loading…' }));
  const activity = h('div', { id: 'activity' }, h('p', { class: 'loading', text: 'Loading…' }));
  const rules = h('div', { id: 'rules' });
  const subtitle = h('p', { class: 'subtitle' });
  // A funded phase with a payout policy shows what may be withdrawn and each condition's progress.
  const payouts = snapshot.phase.kind === 'FUNDED' && definition && definition.phases[snapshot.phase.index].payout
    ? payoutsPanel(snapshot.id, currency) : null;

  root.append(
    pageHeading(planDto ? planDto.name : snapshot.planCode, indicatorEl),
    subtitle,
    banner,
    notices,
    h('section', { class: 'panel', 'aria-label': 'Account' }, tiles, bars, clock),
    payouts ? panel('Payouts', payouts.el) : null,
    panel('Equity curve', chartBox, chartNote),
    statsBox,
    panel('Trades', trades),
    panel('Activity', activity),
    panel('Rules of this plan', rules),
  );

  const chart = equityChart(chartBox, { currency, label: 'Equity curve' });

  // ---- State -----------------------------------------------------------------------------
  let events = [];
  let eventsSeq = 0;
  let historyPoints = null;
  let historySeq = 0;
  const livePoints = [];
  let lastSeen = snapshot.seq;
  let batchAt = null;
  let batchMark = null;
  let lastStatus = snapshot.status;
  let syncing = null;
  let syncAgain = false;
  let disposed = false;
  let historyDone = false;
  let statsAvailable = true;

  function renderSnapshot() {
    const c = snapshot;
    fill(subtitle, `Phase ${c.phase.index + 1}${definition ? ` of ${definition.phases.length}` : ''}: ${c.phase.name} · `,
      statusBadge(c.status), ` · plan ${c.planCode} v${c.planVersion} · challenge ${shortId(c.id)}`,
      isStaff() ? h('span', {}, ' · ', h('a', { href: `#/risk/${c.id}`, text: 'Open in the risk console' })) : null);
    fill(banner, outcomeBanner(c, events, currency));
    fill(tiles,
      tile('Balance', money(c.balance, currency), 'balance'),
      tile('Equity', money(c.equity, currency), 'equity'),
      tile('Open trades', String(c.openTrades), 'open-trades'),
      tile('Best day', money(c.bestDayProfit, currency), 'best-day'));
    fill(bars, ...roomBars(c, definition, currency));
    if (payouts) {
      payouts.refresh();
    }
    renderClock();
    fill(rules, definition ? planRulesView(definition, c.phase.index)
      : h('p', { class: 'muted', text: 'The plan could not be loaded.' }));
  }

  function renderClock() {
    const c = snapshot;
    if (!c.nextDayStartsAt || c.status === 'FAILED' || c.status === 'PASSED') {
      fill(clock);
      return;
    }
    const left = Date.parse(c.nextDayStartsAt) - Date.now();
    const boundary = definition ? `${definition.dayBoundary.time} ${zone}` : zone;
    if (left > 0) {
      fill(clock, 'Next trading day starts in ', h('strong', { class: 'countdown-value', text: countdown(left) }),
        ` (${boundary}: ${inZone(c.nextDayStartsAt, zone)}).`);
    } else {
      fill(clock, `A new trading day started at ${inZone(c.nextDayStartsAt, zone)}; the daily figures reset with the next event.`);
    }
  }

  function renderChart() {
    const points = (historyPoints || []).concat(livePoints.filter((p) => p.seq > historySeq));
    if (!points.length) {
      points.push(pointOf(snapshot, Date.parse(snapshot.updatedAt || snapshot.startedAt), null));
    }
    // The last state holds until now (or until the account froze).
    const last = points[points.length - 1];
    const until = snapshot.status === 'FAILED' || snapshot.status === 'PASSED' ? last.t : Math.max(last.t, Date.now());
    if (until > last.t) {
      points.push({ ...last, t: until, mark: undefined, markLabel: undefined, seq: last.seq });
    }
    chart.update(points, snapshot.profitTargetBalance === null ? null : Number(snapshot.profitTargetBalance));
  }

  function renderEvents() {
    fill(trades, tradeTable(events, currency));
    fill(activity, activityList(events, currency));
  }

  // ---- History: the recorded events, replayed through the engine for the floors ---------------
  async function fetchEventsAfter() {
    while (!disposed) {
      const page = await get(`challenges/${encodeURIComponent(id)}/events${query({ after: eventsSeq, limit: EVENT_PAGE })}`);
      events = events.concat(page.items);
      eventsSeq = page.last;
      if (page.items.length < EVENT_PAGE || events.length >= MAX_HISTORY) {
        break;
      }
    }
  }

  /** Catches up with recorded events (one catch-up at a time; another runs if asked meanwhile). */
  function sync() {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        syncAgain = false;
        await fetchEventsAfter();
      } while (syncAgain && !disposed);
      renderEvents();
      fill(banner, outcomeBanner(snapshot, events, currency));
    })().catch((error) => {
      fill(activity, problemView(error, { live: false }));
    }).finally(() => { syncing = null; });
    return syncing;
  }

  async function loadHistory() {
    await fetchEventsAfter();
    renderEvents();
    fill(banner, outcomeBanner(snapshot, events, currency));
    historySeq = events.length ? events[events.length - 1].seq : 0;
    if (!events.length) {
      historyPoints = [pointOf(snapshot, Date.parse(snapshot.startedAt), null)];
      finishHistory();
      return;
    }
    try {
      // The engine itself replays the recorded events (nothing is stored), so past floors are exact.
      const replay = await post('simulations', {
        planCode: snapshot.planCode,
        planVersion: snapshot.planVersion,
        startAt: snapshot.startedAt,
        events: [{ type: 'CLOCK', at: snapshot.startedAt }, ...events.map((e) => e.event)],
      });
      historyPoints = replay.timeline.map((step, index) => ({
        seq: index === 0 ? 0 : events[index - 1].seq,
        t: Date.parse(step.at),
        equity: Number(step.equity),
        balance: Number(step.balance),
        dailyLossFloor: step.dailyLossFloor === null ? null : Number(step.dailyLossFloor),
        maxLossFloor: step.maxLossFloor === null ? null : Number(step.maxLossFloor),
        ...markOf(step.outcomes),
      }));
      const finalState = replay.final;
      if (snapshot.seq === historySeq && (finalState.status !== snapshot.status
          || Number(finalState.equity) !== Number(snapshot.equity))) {
        fill(chartNote, 'The curve replays the recorded events; staff actions (pause, restore, …) are not part of it.');
      } else {
        fill(chartNote, `${events.length} events${events.length >= MAX_HISTORY ? ' (the first 20,000)' : ''}. `
          + 'Past floors are the engine\u2019s replay of the recorded events.');
      }
    } catch (error) {
      historyPoints = events.filter((e) => e.type === 'EQUITY').map((e) => ({
        seq: e.seq, t: Date.parse(e.event.at), equity: Number(e.event.equity), balance: null,
        dailyLossFloor: null, maxLossFloor: null,
      }));
      fill(chartNote, `Past floors could not be replayed (${error instanceof ApiError ? error.title : 'error'}); `
        + 'the curve shows the reported equity and the live floors.');
    }
    finishHistory();
  }

  /** Live messages that came while the history loaded are caught up with here. */
  function finishHistory() {
    historyDone = true;
    if (snapshot.seq > historySeq) {
      livePoints.push(pointOf(snapshot, Date.parse(snapshot.updatedAt), null));
      sync();
    }
    renderChart();
  }

  async function loadStats() {
    if (!statsAvailable) {
      return;
    }
    try {
      const stats = await get(`challenges/${encodeURIComponent(id)}/stats`);
      fill(statsBox, statsPanel(stats, currency));
    } catch (error) {
      // Statistics come from a newer server; without them the dashboard is complete anyway.
      if (error instanceof ApiError && error.status === 404) {
        statsAvailable = false;
      }
      fill(statsBox);
    }
  }

  // ---- Live ------------------------------------------------------------------------------
  function onMessage(m) {
    if (!m || m.challengeId !== id) {
      return;
    }
    if (m.type === 'STATE') {
      const previousSeq = snapshot.seq;
      snapshot = m.data;
      if (snapshot.seq > lastSeen) {
        lastSeen = snapshot.seq;
      }
      const changed = snapshot.seq > previousSeq || snapshot.status !== lastStatus;
      if (changed && historyDone) {
        livePoints.push(pointOf(snapshot, batchAt || Date.parse(m.at), batchMark));
      }
      if (snapshot.status !== lastStatus) {
        announce(`Challenge is now ${words(snapshot.status)}`);
        lastStatus = snapshot.status;
      }
      batchAt = null;
      batchMark = null;
      renderSnapshot();
      renderChart();
      if (snapshot.seq > eventsSeq && historyDone) {
        sync();
      }
      loadStats();
      return;
    }
    if (m.type === 'EVENT_APPLIED') {
      if (m.seq > lastSeen + 1 && historyDone) {
        // A gap: messages were lost (a reconnect, a slow link). The recorded events and the state fill it.
        sync();
        get(`challenges/${encodeURIComponent(id)}`).then((fresh) => {
          if (!disposed && fresh.seq >= snapshot.seq) {
            snapshot = fresh;
            renderSnapshot();
          }
        }).catch(() => {});
      }
      lastSeen = Math.max(lastSeen, m.seq);
      batchAt = Date.parse(m.data.at);
      return;
    }
    if (STATUS_MESSAGES.has(m.type)) {
      batchAt = batchAt || Date.parse(m.at);
      if (m.type === 'BREACH' || m.type === 'FAILED' || m.type === 'PAUSED') {
        batchMark = { mark: m.type === 'PAUSED' ? 'paused' : 'breach', markLabel: words(m.type) };
      }
      if (m.type === 'FAILED') {
        // The banner above says why and when; the breach that caused it is the notice.
        return;
      }
      notices.prepend(h('p', { class: ['notice', `notice-${m.type.toLowerCase()}`], role: 'alert' },
        h('strong', { text: `${words(m.type).replace(/^./, (c) => c.toUpperCase())}: ` }), outcomeWords(m.data, currency),
        ' ', shortTimeEl(m.at)));
      while (notices.children.length > 5) {
        notices.lastElementChild.remove();
      }
    }
  }

  renderSnapshot();
  renderChart();
  const timer = window.setInterval(renderClock, 1000);
  const channel = liveChannel(`challenges/${encodeURIComponent(id)}`, {
    onMessage,
    onStatus: (state, reason) => indicator.set(state, reason),
  });
  loadHistory().catch((error) => fill(activity, problemView(error, { live: false })));
  loadStats();

  return () => {
    disposed = true;
    window.clearInterval(timer);
    channel.close();
    chart.dispose();
  };
}

function pointOf(c, t, mark) {
  return {
    seq: c.seq,
    t,
    equity: Number(c.equity),
    balance: Number(c.balance),
    dailyLossFloor: c.dailyLossFloor === null ? null : Number(c.dailyLossFloor),
    maxLossFloor: c.maxLossFloor === null ? null : Number(c.maxLossFloor),
    ...(mark || {}),
  };
}

function markOf(outcomes) {
  const types = (outcomes || []).map((o) => (typeof o === 'string' ? o : o.type));
  if (types.includes('FAILED') || types.includes('BREACH')) {
    return { mark: 'breach', markLabel: types.includes('FAILED') ? 'failed' : 'breach' };
  }
  if (types.includes('PAUSED')) {
    return { mark: 'paused', markLabel: 'paused' };
  }
  if (types.includes('PHASE_PASSED') || types.includes('PASSED')) {
    return { mark: 'passed', markLabel: 'passed' };
  }
  return {};
}

function tile(label, value, name) {
  return h('div', { class: 'tile', 'data-tile': name }, h('dt', { text: label }), h('dd', { text: value }));
}

function roomBars(c, definition, currency) {
  const phase = phaseOf(definition, c.phase.index);
  const out = [];
  if (c.dailyLossFloor === null || (phase && !phase.dailyLoss)) {
    out.push(h('div', { class: 'bar bar-none', 'data-bar': 'daily' }, h('span', { class: 'bar-label', text: 'Daily-loss room' }),
      h('span', { class: 'bar-value', text: 'No daily loss limit in this phase' })));
  } else {
    const room = Number(c.dailyLossRoom);
    const allowance = definition ? dailyAllowance(definition, c.phase.index, Number(c.dailyLossFloor)) : null;
    const fraction = allowance ? room / allowance : (room > 0 ? 1 : 0);
    out.push(progressBar({
      name: 'daily', label: 'Daily-loss room', fraction, tone: roomTone(fraction),
      valueText: room >= 0 ? `${money(room, currency)} to the floor` : `crossed by ${money(-room, currency)}`,
      detail: `Floor ${money(c.dailyLossFloor, currency)} today${allowance ? ` (a day may lose ${money(allowance, currency)})` : ''}; `
        + `equity ${money(c.equity, currency)}.`,
    }));
  }
  if (c.maxLossFloor === null || (phase && !phase.maxLoss)) {
    out.push(h('div', { class: 'bar bar-none', 'data-bar': 'max' }, h('span', { class: 'bar-label', text: 'Max-loss room' }),
      h('span', { class: 'bar-value', text: 'No maximum loss limit in this phase' })));
  } else {
    const room = Number(c.maxLossRoom);
    const allowance = definition ? maxAllowance(definition, c.phase.index) : null;
    const fraction = allowance ? room / allowance : (room > 0 ? 1 : 0);
    out.push(progressBar({
      name: 'max', label: 'Max-loss room', fraction, tone: roomTone(fraction),
      valueText: room >= 0 ? `${money(room, currency)} to the floor` : `crossed by ${money(-room, currency)}`,
      detail: `Floor ${money(c.maxLossFloor, currency)}${allowance ? ` (the account may lose ${money(allowance, currency)})` : ''}; `
        + `equity ${money(c.equity, currency)}.`,
    }));
  }
  if (c.profitTargetBalance === null) {
    out.push(h('div', { class: 'bar bar-none', 'data-bar': 'target' }, h('span', { class: 'bar-label', text: 'Profit target' }),
      h('span', { class: 'bar-value', text: 'No profit target in this phase' })));
  } else {
    const progress = Number(c.profitTargetProgressPct);
    out.push(progressBar({
      name: 'target', label: 'Profit target', fraction: progress / 100, tone: 'goal',
      valueText: pct(progress),
      detail: `Closed balance ${money(c.balance, currency)} of ${money(c.profitTargetBalance, currency)}.`,
    }));
  }
  const minDays = phase ? Number(phase.minTradingDays || 0) : 0;
  out.push(progressBar({
    name: 'days', label: 'Trading days', fraction: minDays > 0 ? c.tradingDays / minDays : 1, tone: 'goal',
    valueText: minDays > 0 ? `${c.tradingDays} of ${minDays}` : `${c.tradingDays} (no minimum)`,
    detail: minDays > 0 ? 'A day counts when a trade is opened in it.' : null,
  }));
  return out;
}

/** Says why and when a challenge ended, or what it waits for. */
function outcomeBanner(c, events, currency) {
  const outcomeAt = (type) => {
    for (let i = events.length - 1; i >= 0; i -= 1) {
      const found = (events[i].outcomes || []).find((o) => o.type === type);
      if (found) {
        return found.at || events[i].event.at;
      }
    }
    return null;
  };
  if (c.status === 'FAILED' && c.failure) {
    const f = c.failure;
    const figures = f.floor !== null && f.floor !== undefined
      ? ` Equity was ${money(f.equity, currency)} against a floor of ${money(f.floor, currency)}.`
      : ` Equity was ${money(f.equity, currency)}.`;
    return h('div', { class: 'banner banner-failed', role: 'status', id: 'failure' },
      h('strong', { text: 'Failed. ' }),
      `This challenge failed on ${when(f.at)}: ${FAILURE_WORDS[f.rule] || words(f.rule)} (${words(f.rule)}).`, figures);
  }
  if (c.status === 'PASSED') {
    const at = outcomeAt('PASSED') || c.updatedAt;
    return h('div', { class: 'banner banner-passed', role: 'status' }, h('strong', { text: 'Passed. ' }),
      `Every phase of this challenge was passed; the last one on ${when(at)}.`);
  }
  if (c.status === 'PENDING_REVIEW') {
    const at = outcomeAt('PENDING_REVIEW') || c.updatedAt;
    return h('div', { class: 'banner banner-review', role: 'status' }, h('strong', { text: 'Waiting for review. ' }),
      `The ${c.phase.name} phase reached its target on ${when(at)}; staff will review it.`);
  }
  if (c.status === 'PAUSED') {
    return h('div', { class: 'banner banner-paused', role: 'status' }, h('strong', { text: 'Paused. ' }),
      `Trading is blocked until ${when(c.pausedUntil)}.`);
  }
  return null;
}

function outcomeWords(o, currency) {
  if (!o) {
    return '';
  }
  switch (o.type) {
    case 'BREACH':
      return `equity ${money(o.equity, currency)} crossed the ${words(o.rule)} floor of ${money(o.floor, currency)}.`;
    case 'FAILED':
      return `${FAILURE_WORDS[o.rule] || words(o.rule)}.`;
    case 'PAUSED':
      return `paused until ${when(o.until)}.`;
    case 'RESUMED':
      return 'trading may go on.';
    case 'PHASE_PASSED':
      return `phase ${o.fromIndex + 1} passed; phase ${o.toIndex + 1} starts with a fresh account.`;
    case 'PENDING_REVIEW':
      return 'the phase waits for staff review.';
    case 'PASSED':
      return 'the last phase is passed.';
    case 'PASS_HELD_BACK':
      return `target reached, but the pass is held back: ${HOLD_WORDS[o.reason] || words(o.reason)}.`;
    case 'DAY_ROLLED':
      return 'a new trading day started.';
    case 'TRADING_DAY_COUNTED':
      return `trading day ${o.tradingDays} counted.`;
    case 'IGNORED_FROZEN':
      return `recorded but not applied: the challenge is ${words(o.status)}.`;
    case 'EXTENDED':
      return `extended by ${o.days} days.`;
    case 'RESTORED':
      return `restored after ${words(o.previousRule)}.`;
    case 'CONDUCT_VIOLATION':
      return conductViolationWords(o);
    default:
      return words(o.type);
  }
}

function eventWords(e, currency) {
  const ev = e.event || {};
  switch (e.type) {
    case 'TRADE_OPENED':
      return `Opened ${ev.id}: ${ev.side} ${num(ev.volume, 4)} ${ev.symbol} at ${num(ev.price, 8)}`;
    case 'TRADE_CLOSED':
      return `Closed ${ev.id} at ${num(ev.price, 8)}: ${Number(ev.profit) >= 0 ? '+' : ''}${money(ev.profit, currency)}`;
    case 'EQUITY':
      return `Equity ${money(ev.equity, currency)}`;
    case 'CLOCK':
      return 'Time passed';
    case 'TRADE_MODIFIED':
      return `Modified ${ev.id}:${ev.stopLoss !== undefined ? ` stop loss ${num(ev.stopLoss, 8)}` : ''}`
        + `${ev.takeProfit !== undefined ? ` take profit ${num(ev.takeProfit, 8)}` : ''}`;
    default:
      return words(e.type);
  }
}

function activityList(events, currency) {
  if (!events.length) {
    return h('p', { class: 'empty', text: 'Nothing has happened on this account yet.' });
  }
  const recent = events.slice(-40).reverse();
  return h('ol', { class: 'activity', reversed: true },
    recent.map((e) => h('li', { 'data-seq': e.seq, class: (e.outcomes || []).some((o) => o.type === 'BREACH' || o.type === 'FAILED') ? 'bad' : null },
      h('span', { class: 'activity-what', text: eventWords(e, currency) }),
      (e.outcomes || []).map((o) => h('span', {
        class: ['outcome', `outcome-${o.type.toLowerCase()}`], text: outcomeWords(o, currency),
      })),
      shortTimeEl(e.event ? e.event.at : e.receivedAt))));
}

function tradeTable(events, currency) {
  const trades = new Map();
  for (const e of events) {
    const ev = e.event || {};
    if (e.type === 'TRADE_OPENED') {
      trades.set(ev.id, { id: ev.id, symbol: ev.symbol, side: ev.side, volume: ev.volume, openAt: ev.at, openPrice: ev.price });
    } else if (e.type === 'TRADE_CLOSED') {
      const trade = trades.get(ev.id) || { id: ev.id };
      Object.assign(trade, { closeAt: ev.at, closePrice: ev.price, profit: ev.profit });
      trades.set(ev.id, trade);
    }
  }
  if (!trades.size) {
    return h('p', { class: 'empty', text: 'No trade yet.' });
  }
  const rows = [...trades.values()].reverse();
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data trades-table' },
    h('caption', { class: 'visually-hidden', text: 'Trades, newest first' }),
    h('thead', {}, h('tr', {}, ['Trade', 'Symbol', 'Side', 'Volume', 'Opened', 'Open price', 'Closed', 'Close price', 'Profit']
      .map((title) => h('th', { scope: 'col', text: title })))),
    h('tbody', {}, rows.map((t) => h('tr', { 'data-trade': t.id },
      h('th', { scope: 'row', text: t.id }),
      h('td', { text: t.symbol || '' }),
      h('td', { text: t.side || '' }),
      h('td', { class: 'num', text: t.volume === undefined ? '' : num(t.volume, 4) }),
      h('td', {}, t.openAt ? shortTimeEl(t.openAt) : ''),
      h('td', { class: 'num', text: t.openPrice === undefined ? '' : num(t.openPrice, 8) }),
      h('td', {}, t.closeAt ? shortTimeEl(t.closeAt) : h('span', { class: 'badge status-active', text: 'open' })),
      h('td', { class: 'num', text: t.closePrice === undefined ? '' : num(t.closePrice, 8) }),
      h('td', {
        class: ['num', t.profit === undefined ? null : (Number(t.profit) >= 0 ? 'gain' : 'loss')],
        text: t.profit === undefined ? '' : money(t.profit, currency),
      }))))));
}

function statsPanel(stats, currency) {
  const fact = (label, value) => h('div', { class: 'tile' }, h('dt', { text: label }), h('dd', { text: value }));
  const best = stats.bestDay ? `${money(stats.bestDay.profit, currency)} (${stats.bestDay.day})` : '–';
  const days = stats.days || [];
  return panel('Statistics',
    h('dl', { class: 'tiles compact' },
      fact('Closed trades', String(stats.closedTrades)),
      fact('Win rate', stats.closedTrades > 0 ? pct((Number(stats.wins) * 100) / Number(stats.closedTrades)) : '–'),
      fact('Average win', money(stats.averageWin, currency)),
      fact('Average loss', money(stats.averageLoss, currency)),
      fact('Profit factor', stats.profitFactor === null ? '–' : num(stats.profitFactor)),
      fact('Best day', best),
      fact('Max drawdown', money(stats.maxDrawdown, currency))),
    h('h3', { text: 'Daily equity range' }),
    dayChart(days, currency),
    days.length ? h('details', {}, h('summary', { text: 'Day by day' }), h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Day', 'Start balance', 'End balance', 'Low equity', 'High equity', 'Trades', 'Profit']
        .map((title) => h('th', { scope: 'col', text: title })))),
      h('tbody', {}, days.map((d) => h('tr', {},
        h('th', { scope: 'row', text: d.day }),
        h('td', { class: 'num', text: money(d.startBalance, currency) }),
        h('td', { class: 'num', text: money(d.endBalance, currency) }),
        h('td', { class: 'num', text: money(d.lowEquity, currency) }),
        h('td', { class: 'num', text: money(d.highEquity, currency) }),
        h('td', { class: 'num', text: String(d.trades) }),
        h('td', { class: ['num', Number(d.profit) >= 0 ? 'gain' : 'loss'], text: money(d.profit, currency) }))))))) : null);
}
