// Charts drawn as SVG: the equity curve with both loss floors, and the daily equity ranges.

import { h, s, fill, money } from './dom.js';

const MARGIN = { top: 14, right: 14, bottom: 30, left: 76 };

/** Round tick values that cover [min, max] in about `count` steps. */
function ticks(min, max, count = 5) {
  if (!(max > min)) {
    return [min];
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) || raw;
  const first = Math.ceil(min / step) * step;
  const values = [];
  for (let v = first; v <= max + step * 1e-9; v += step) {
    values.push(Number(v.toFixed(10)));
  }
  return values;
}

const axisNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

function timeTicks(t0, t1, width) {
  const span = t1 - t0;
  let options = { month: 'short', day: 'numeric' };
  let labelWidth = 60;
  if (span < 10 * 60_000) {
    options = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    labelWidth = 80;
  } else if (span < 12 * 3_600_000) {
    options = { hour: '2-digit', minute: '2-digit' };
  } else if (span < 6 * 86_400_000) {
    options = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    labelWidth = 120;
  }
  const format = new Intl.DateTimeFormat(undefined, options);
  const count = Math.max(1, Math.min(6, Math.floor(width / (labelWidth + 30))));
  return Array.from({ length: count + 1 }, (_, i) => t0 + (span * i) / count)
    .map((t) => ({ t, label: format.format(new Date(t)) }));
}

/** A path through the points where `value(p)` is not null; steps (hold, then jump) when `step`. */
function pathOf(points, x, y, value, step) {
  let d = '';
  let open = false;
  let previous = null;
  for (const p of points) {
    const v = value(p);
    if (v === null || v === undefined || !Number.isFinite(v)) {
      open = false;
      previous = null;
      continue;
    }
    const px = x(p).toFixed(1);
    const py = y(v).toFixed(1);
    if (!open) {
      d += `M${px},${py}`;
      open = true;
    } else if (step && previous !== null) {
      d += `H${px}V${py}`;
    } else {
      d += `L${px},${py}`;
    }
    previous = v;
  }
  return d;
}

const SERIES = [
  { key: 'maxLossFloor', label: 'Max-loss floor', cls: 'series-max', step: true },
  { key: 'dailyLossFloor', label: 'Daily-loss floor', cls: 'series-daily', step: true },
  { key: 'balance', label: 'Balance', cls: 'series-balance', step: true },
  { key: 'equity', label: 'Equity', cls: 'series-equity', step: false },
];

/**
 * Draws the equity curve into `container` and redraws it when the container's width changes.
 * points: [{t, equity, balance, dailyLossFloor, maxLossFloor, mark}] in time order; target: the
 * profit-target balance or null. Returns { update(points, target), dispose() }.
 */
export function equityChart(container, { points = [], target = null, currency = 'USD', label = 'Equity curve' } = {}) {
  let current = { points, target };
  const draw = () => {
    const width = Math.max(280, Math.floor(container.clientWidth || 640));
    fill(container, render(current.points, current.target, currency, label, width));
  };
  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => window.requestAnimationFrame(draw)) : null;
  if (observer) {
    observer.observe(container);
  }
  draw();
  return {
    update(nextPoints, nextTarget = current.target) {
      current = { points: nextPoints, target: nextTarget };
      draw();
    },
    dispose() {
      if (observer) {
        observer.disconnect();
      }
    },
  };
}

function render(given, target, currency, label, width) {
  // One state (or several at one instant) is drawn as a level line across the chart.
  const points = given.length && given[given.length - 1].t === given[0].t
    ? [given[0], { ...given[given.length - 1], t: given[0].t + 1, mark: undefined }] : given;
  const height = Math.round(Math.min(360, Math.max(220, width * 0.42)));
  const figure = h('figure', { class: 'chart' });
  if (!points.length) {
    figure.append(h('p', { class: 'muted', text: 'No equity recorded yet.' }));
    return figure;
  }
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const values = [];
  for (const p of points) {
    for (const series of SERIES) {
      const v = p[series.key];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        values.push(v);
      }
    }
  }
  const showTarget = target !== null && target !== undefined && Number.isFinite(target);
  if (showTarget) {
    values.push(target);
  }
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += Math.max(1, Math.abs(hi) * 0.01);
    lo -= Math.max(1, Math.abs(lo) * 0.01);
  }
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  const t0 = points[0].t;
  const t1 = points[points.length - 1].t;
  const byIndex = !(t1 > t0);
  const x = (p) => MARGIN.left + (byIndex ? innerW / 2 : ((p.t - t0) / (t1 - t0)) * innerW);
  const y = (v) => MARGIN.top + innerH - ((v - lo) / (hi - lo)) * innerH;

  const svg = s('svg', {
    class: 'chart-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': summary(points, target, currency, label),
  });
  const grid = s('g', { class: 'grid' });
  for (const v of ticks(lo, hi, Math.max(3, Math.floor(innerH / 50)))) {
    const py = y(v);
    grid.append(
      s('line', { x1: MARGIN.left, x2: MARGIN.left + innerW, y1: py, y2: py }),
      s('text', { x: MARGIN.left - 8, y: py + 4, 'text-anchor': 'end', class: 'axis-label' }, axisNumber.format(v)));
  }
  if (!byIndex && given.length > 1 && t1 - t0 > 1) {
    const labels = timeTicks(t0, t1, innerW);
    labels.forEach((tick, i) => {
      const px = MARGIN.left + ((tick.t - t0) / (t1 - t0)) * innerW;
      const anchor = i === 0 ? 'start' : (i === labels.length - 1 ? 'end' : 'middle');
      grid.append(s('text', { x: px, y: height - 8, 'text-anchor': anchor, class: 'axis-label' }, tick.label));
    });
  }
  grid.append(s('text', { x: 4, y: MARGIN.top + 2, class: 'axis-label axis-unit' }, currency));
  svg.append(grid);

  if (showTarget) {
    const py = y(target);
    svg.append(s('line', { class: 'series-target', x1: MARGIN.left, x2: MARGIN.left + innerW, y1: py, y2: py }));
  }
  for (const series of SERIES) {
    const d = pathOf(points, x, y, (p) => p[series.key], series.step);
    if (d) {
      svg.append(s('path', { class: ['series', series.cls].join(' '), d }));
    }
  }
  for (const p of points) {
    if (p.mark) {
      svg.append(s('circle', { class: `mark mark-${p.mark}`, cx: x(p), cy: y(p.equity), r: 5 },
        s('title', {}, `${p.markLabel || p.mark} at ${new Date(p.t).toISOString()}`)));
    }
  }
  figure.append(svg, legend(showTarget));
  return figure;
}

function legend(showTarget) {
  const items = [...SERIES].reverse().map((series) => h('li', {},
    h('span', { class: ['swatch', series.cls], 'aria-hidden': 'true' }), series.label));
  if (showTarget) {
    items.push(h('li', {}, h('span', { class: 'swatch series-target', 'aria-hidden': 'true' }), 'Profit target'));
  }
  items.push(h('li', {}, h('span', { class: 'swatch mark-breach', 'aria-hidden': 'true' }), 'Breach'));
  return h('ul', { class: 'legend', 'aria-hidden': 'true' }, items);
}

function summary(points, target, currency, label) {
  const last = points[points.length - 1];
  const equities = points.map((p) => p.equity).filter(Number.isFinite);
  const parts = [`${label}: ${points.length} points`];
  if (equities.length) {
    parts.push(`equity now ${money(last.equity, currency)}, lowest ${money(Math.min(...equities), currency)},`
      + ` highest ${money(Math.max(...equities), currency)}`);
  }
  if (Number.isFinite(last.dailyLossFloor)) {
    parts.push(`daily-loss floor ${money(last.dailyLossFloor, currency)}`);
  }
  if (Number.isFinite(last.maxLossFloor)) {
    parts.push(`max-loss floor ${money(last.maxLossFloor, currency)}`);
  }
  if (Number.isFinite(target)) {
    parts.push(`profit target ${money(target, currency)}`);
  }
  return parts.join('; ');
}

/**
 * The daily equity ranges from the statistics: per trading day a bar from the lowest to the highest
 * equity and a dot at the day's closing equity.
 */
export function dayChart(days, currency = 'USD') {
  const width = 640;
  const height = 220;
  const figure = h('figure', { class: 'chart' });
  if (!days || !days.length) {
    figure.append(h('p', { class: 'muted', text: 'No completed days yet.' }));
    return figure;
  }
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const values = days.flatMap((d) => [d.lowEquity, d.highEquity, d.endEquity, d.startEquity].map(Number))
    .filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const slot = innerW / days.length;
  const y = (v) => MARGIN.top + innerH - ((v - lo) / (hi - lo)) * innerH;
  const svg = s('svg', {
    class: 'chart-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Daily equity range over ${days.length} days`,
  });
  const grid = s('g', { class: 'grid' });
  for (const v of ticks(lo, hi, 4)) {
    grid.append(s('line', { x1: MARGIN.left, x2: MARGIN.left + innerW, y1: y(v), y2: y(v) }),
      s('text', { x: MARGIN.left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, axisNumber.format(v)));
  }
  svg.append(grid);
  const every = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((d, i) => {
    const cx = MARGIN.left + slot * (i + 0.5);
    const low = Number(d.lowEquity);
    const high = Number(d.highEquity);
    const end = Number(d.endEquity);
    const up = Number(d.profit) >= 0;
    svg.append(s('line', { class: up ? 'day-range up' : 'day-range down', x1: cx, x2: cx, y1: y(high), y2: y(low) },
      s('title', {}, `${d.day}: low ${money(low, currency)}, high ${money(high, currency)}, close ${money(end, currency)}`)));
    if (Number.isFinite(end)) {
      svg.append(s('circle', { class: 'day-close', cx, cy: y(end), r: 3.5 }));
    }
    if (i % every === 0) {
      svg.append(s('text', { x: cx, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, String(d.day).slice(5)));
    }
  });
  figure.append(svg);
  return figure;
}
