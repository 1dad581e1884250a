// A plan's rules in plain words, from its canonical definition (every default spelled out).

import { h, money, num } from './dom.js';

const ANCHORS = {
  DAY_START_BALANCE: 'the balance at the start of the day',
  DAY_START_EQUITY: 'the equity at the start of the day',
  DAY_START_MAX: 'the larger of the balance and the equity at the start of the day',
  DAY_PEAK_EQUITY: 'the highest equity reached so far that day',
};

const MAX_MODES = {
  STATIC: 'below the initial balance; this floor never moves',
  TRAILING_EOD_BALANCE: 'below the highest balance seen at a day\u2019s end; the floor rises only at the daily reset',
  TRAILING_CLOSED_BALANCE: 'below the highest balance after any closed trade; the floor rises as closed profit grows',
  TRAILING_INTRADAY_EQUITY: 'below the highest equity ever reached, floating profit included; the floor follows every new peak',
};

export const FAILURE_WORDS = {
  DAILY_LOSS: 'the daily loss limit was broken',
  MAX_LOSS: 'the maximum loss limit was broken',
  TIME_LIMIT: 'the time limit ran out before the target was reached',
  INACTIVITY: 'no trade was opened for longer than the plan allows',
  MANUAL: 'staff failed it by hand',
  MAX_LOTS_PER_TRADE: 'a trade was larger than the plan allows',
  MAX_OPEN_LOTS: 'more lots were open at once than the plan allows',
  MAX_OPEN_TRADES: 'more trades were open at once than the plan allows',
  MAX_TRADES_PER_DAY: 'more trades were opened in one day than the plan allows',
  MIN_HOLD: 'a trade was closed sooner than the minimum holding time',
  STOP_LOSS_MISSING: 'a trade had no stop loss in time',
  RISK_PER_TRADE: 'a trade risked more than the plan allows',
  WEEKEND_HOLDING: 'a trade was held past a time the account must be flat by',
  NEWS_TRADING: 'a trade was opened or closed around high-impact news',
};

const CONDUCT_ACTIONS = {
  FAIL: 'fails the challenge',
  PAUSE: 'pauses the account until the next day starts',
  FLAG: 'is reported to the firm\u2019s risk team',
  EXCLUDE: 'keeps the trade\u2019s profit out of the profit target',
};

/** A conduct violation outcome in words: what was broken and what it does. */
export function conductViolationWords(o) {
  const what = FAILURE_WORDS[o.rule] || String(o.rule).toLowerCase().replaceAll('_', ' ');
  return `trade ${o.tradeId}: ${what}; this ${CONDUCT_ACTIONS[o.action] || o.action}.`;
}

/** The conduct block of a phase (docs/rules.md §19) in sentences. */
export function conductRules(conduct, initial, currency) {
  if (!conduct) {
    return [];
  }
  const lines = [];
  const then = (rule) => ` Breaking it ${CONDUCT_ACTIONS[rule.onViolation] || CONDUCT_ACTIONS.FAIL}.`;
  if (conduct.maxLotsPerTrade) {
    lines.push(`At most ${num(conduct.maxLotsPerTrade.lots)} lots per trade.${then(conduct.maxLotsPerTrade)}`);
  }
  if (conduct.maxOpenLots) {
    lines.push(`At most ${num(conduct.maxOpenLots.lots)} lots open at once.${then(conduct.maxOpenLots)}`);
  }
  if (conduct.maxOpenTrades) {
    lines.push(`At most ${conduct.maxOpenTrades.count} trades open at once.${then(conduct.maxOpenTrades)}`);
  }
  if (conduct.maxTradesPerDay) {
    lines.push(`At most ${conduct.maxTradesPerDay.count} trades opened per trading day.${then(conduct.maxTradesPerDay)}`);
  }
  if (conduct.minHold) {
    lines.push(`Hold every trade at least ${conduct.minHold.seconds} seconds.${then(conduct.minHold)}`);
  }
  if (conduct.stopLoss) {
    lines.push(`Every trade needs a stop loss within ${conduct.stopLoss.withinSeconds} seconds of opening.${then(conduct.stopLoss)}`);
  }
  if (conduct.riskPerTrade) {
    const r = conduct.riskPerTrade;
    const limit = r.amount !== undefined && r.amount !== null ? money(r.amount, currency)
      : `${money((initial * Number(r.pct)) / 100, currency)} (${num(r.pct)}% of the initial balance)`;
    lines.push(`Risk at most ${limit} per trade (the loss if the stop loss is hit).${then(r)}`);
  }
  for (const f of conduct.flatBy || []) {
    const day = f.day.charAt(0) + f.day.slice(1).toLowerCase();
    lines.push(`Be flat by ${day} ${f.time} ${f.zone}: no trade may be held past it.${then(f)}`);
  }
  if (conduct.news) {
    const n = conduct.news;
    const levels = (n.impact || []).map((i) => i.toLowerCase()).join(' or ');
    lines.push(`No trade opened or closed from ${n.beforeSeconds} s before to ${n.afterSeconds} s after ${levels}-impact `
      + `news for its symbol.${then(n)}`);
  }
  return lines;
}

export const HOLD_WORDS = {
  NOT_FLAT: 'close every open trade first',
  MIN_TRADING_DAYS: 'more trading days are needed',
  CONSISTENCY: 'the best day is too large a share of the profit (consistency rule)',
};

/** The daily-loss allowance in money, or null when it depends on a value the snapshot does not carry. */
export function dailyAllowance(definition, phaseIndex, floor) {
  const rule = phaseOf(definition, phaseIndex)?.dailyLoss;
  if (!rule) {
    return null;
  }
  if (rule.amount !== undefined && rule.amount !== null) {
    return Number(rule.amount);
  }
  const percent = Number(rule.pct);
  if (rule.of === 'ANCHOR') {
    // floor = anchor × (1 − pct), so the allowance is floor × pct / (100 − pct).
    return Number.isFinite(floor) && percent < 100 ? (floor * percent) / (100 - percent) : null;
  }
  return (Number(definition.initialBalance) * percent) / 100;
}

/** The max-loss allowance in money. */
export function maxAllowance(definition, phaseIndex) {
  const rule = phaseOf(definition, phaseIndex)?.maxLoss;
  if (!rule) {
    return null;
  }
  if (rule.amount !== undefined && rule.amount !== null) {
    return Number(rule.amount);
  }
  return (Number(definition.initialBalance) * Number(rule.pct)) / 100;
}

export function phaseOf(definition, index) {
  return definition && Array.isArray(definition.phases) ? definition.phases[index] : undefined;
}

function allowanceWords(rule, initial, currency) {
  if (rule.amount !== undefined && rule.amount !== null) {
    return money(rule.amount, currency);
  }
  if (rule.of === 'ANCHOR') {
    return `${num(rule.pct)}%`;
  }
  return `${money((initial * Number(rule.pct)) / 100, currency)} (${num(rule.pct)}% of the initial balance)`;
}

/** Sentences for one phase. */
export function phaseRules(definition, phase) {
  const currency = definition.currency || 'USD';
  const initial = Number(definition.initialBalance);
  const lines = [];
  if (phase.profitTarget) {
    const amount = phase.profitTarget.amount !== undefined && phase.profitTarget.amount !== null
      ? Number(phase.profitTarget.amount) : (initial * Number(phase.profitTarget.pct)) / 100;
    const share = phase.profitTarget.pct !== undefined && phase.profitTarget.pct !== null
      ? ` (+${num(phase.profitTarget.pct)}%)` : '';
    lines.push(`Profit target: reach a closed balance of ${money(initial + amount, currency)}, that is `
      + `${money(amount, currency)} of profit${share}${phase.requireFlat ? ', with no trade left open' : ''}.`);
  } else {
    lines.push('No profit target in this phase.');
  }
  if (phase.minTradingDays > 0) {
    lines.push(`Trade on at least ${phase.minTradingDays} days (a day counts when a trade is opened in it).`);
  }
  if (phase.consistency) {
    lines.push(`Consistency: the best day\u2019s closed profit must be ${phase.consistency.strict ? 'below' : 'at most'} `
      + `${num(phase.consistency.maxBestDayPct)}% of the total closed profit. Until it is, the pass is held back; `
      + 'this rule never fails the account.');
  }
  if (phase.dailyLoss) {
    const rule = phase.dailyLoss;
    const anchor = ANCHORS[rule.anchor] || ANCHORS.DAY_START_BALANCE;
    const check = rule.check === 'END_OF_DAY'
      ? 'checked only on the equity at the end of the day'
      : 'checked on every change of equity';
    const breach = rule.onBreach === 'PAUSE'
      ? 'breaking it pauses the account until the next day starts'
      : 'breaking it fails the challenge';
    lines.push(`Daily loss: equity may not fall more than ${allowanceWords(rule, initial, currency)} below `
      + `${anchor}; ${check}; ${breach}.`);
  } else {
    lines.push('No daily loss limit.');
  }
  if (phase.maxLoss) {
    const rule = phase.maxLoss;
    let lock = '';
    if (rule.lockAt === 'INITIAL') {
      lock = ` It stops rising at the initial balance (${money(initial, currency)}).`;
    } else if (rule.lockAt && typeof rule.lockAt === 'object' && rule.lockAt.initialPlus !== undefined) {
      lock = ` It stops rising at ${money(initial + Number(rule.lockAt.initialPlus), currency)} `
        + `(initial balance + ${money(rule.lockAt.initialPlus, currency)}).`;
    }
    const allowance = rule.amount !== undefined && rule.amount !== null
      ? money(rule.amount, currency)
      : `${money((initial * Number(rule.pct)) / 100, currency)} (${num(rule.pct)}% of the initial balance)`;
    lines.push(`Maximum loss: equity may not fall more than ${allowance} ${MAX_MODES[rule.mode] || MAX_MODES.STATIC}.`
      + `${lock} Breaking it fails the challenge.`);
  } else {
    lines.push('No maximum loss limit.');
  }
  if (phase.maxDays) {
    lines.push(`Time limit: pass within ${phase.maxDays} days of the phase start, or the challenge fails.`);
  }
  if (phase.inactivityDays) {
    lines.push(`Activity: open a trade at least every ${phase.inactivityDays} days, or the challenge fails.`);
  }
  if (phase.review) {
    lines.push('Passing this phase waits for staff to review it.');
  }
  lines.push(...conductRules(phase.conduct, initial, currency));
  return lines;
}

/** The whole plan in words, as a section. `current` marks the phase the challenge is in. */
export function planRulesView(definition, current = null) {
  const currency = definition.currency || 'USD';
  const boundary = definition.dayBoundary || {};
  const general = [
    `Account of ${money(definition.initialBalance, currency)}.`,
    `Trading days start at ${boundary.time} in ${boundary.zone}; that is when the daily limits reset.`,
    definition.breachWhen === 'AT_OR_BELOW'
      ? 'A loss limit is broken when equity reaches its floor or falls below it.'
      : 'A loss limit is broken when equity falls below its floor (equity exactly at the floor is fine).',
  ];
  const phases = (definition.phases || []).map((phase, index) => h('section', {
    class: ['phase-rules', index === current ? 'current' : null],
    'aria-label': `Phase ${index + 1}: ${phase.name}`,
  },
  h('h4', {}, `Phase ${index + 1}: ${phase.name} `,
    h('span', { class: 'badge', text: phase.kind === 'FUNDED' ? 'funded' : 'evaluation' }),
    index === current ? h('span', { class: 'badge badge-current', text: 'you are here' }) : null),
  h('ul', {}, phaseRules(definition, phase).map((line) => h('li', { text: line })))));
  return h('div', { class: 'plan-rules' }, h('ul', { class: 'general' }, general.map((line) => h('li', { text: line }))),
    phases);
}

/** One line about a plan, for lists. */
export function planSummary(definition) {
  const phases = definition.phases || [];
  const first = phases[0] || {};
  const currency = definition.currency || 'USD';
  const parts = [`${money(definition.initialBalance, currency)} account`, `${phases.length} phase${phases.length === 1 ? '' : 's'}`];
  if (first.profitTarget) {
    parts.push(first.profitTarget.pct !== undefined && first.profitTarget.pct !== null
      ? `target +${num(first.profitTarget.pct)}%` : `target +${money(first.profitTarget.amount, currency)}`);
  }
  if (first.dailyLoss) {
    parts.push(first.dailyLoss.pct !== undefined && first.dailyLoss.pct !== null
      ? `daily loss ${num(first.dailyLoss.pct)}%` : `daily loss ${money(first.dailyLoss.amount, currency)}`);
  }
  if (first.maxLoss) {
    parts.push(first.maxLoss.pct !== undefined && first.maxLoss.pct !== null
      ? `max loss ${num(first.maxLoss.pct)}%` : `max loss ${money(first.maxLoss.amount, currency)}`);
  }
  return parts.join(' · ');
}
