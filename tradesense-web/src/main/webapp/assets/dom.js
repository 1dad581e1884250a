// Small helpers to build the page from data without ever parsing data as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Builds an element. props: class, text, html-free attributes (aria-*, data-*, id, type, …),
 * on: {event: handler}, and children (strings become text nodes; null and false are skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function apply(el, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'text') {
      el.textContent = String(value);
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        el.addEventListener(event, handler);
      }
    } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected'
        || name === 'hidden' || name === 'required' || name === 'open') {
      el[name] = value;
    } else if (name === 'for') {
      el.htmlFor = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field; `control` is the input, select or textarea. Returns the wrapper. */
export function field(label, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field', 'data-field': control.name || '' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** Says something to screen-reader users without moving focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = '';
    window.setTimeout(() => { region.textContent = message; }, 50);
  }
}

// ---- Formatting -------------------------------------------------------------------------

const moneyFormats = new Map();

/** Money as the plan's currency with two decimals, e.g. "$100,250.00". */
export function money(value, currency = 'USD') {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  const number = Number(value);
  if (!Number.isFinite(number)) {
    return String(value);
  }
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2,
        maximumFractionDigits: 2 });
    } catch (e) {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(number);
}

/** A plain number with up to `digits` decimals. */
export function num(value, digits = 2) {
  if (value === null || value === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(Number(value));
}

export function pct(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) {
    return '–';
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(Number(value))} %`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  timeZoneName: 'short',
});

/** An instant in the viewer's time zone, with the zone named. */
export function when(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : timeFormat.format(date);
}

const shortFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A compact instant for tables (the full one is its title). */
export function whenShort(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : shortFormat.format(date);
}

/** An instant in a given IANA zone, e.g. the plan's day-boundary zone. */
export function inZone(iso, zone) {
  if (!iso) {
    return '–';
  }
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone,
      timeZoneName: 'short',
    }).format(new Date(iso));
  } catch (e) {
    return when(iso);
  }
}

/** A <time> element showing an instant. */
export function timeEl(iso, text) {
  return h('time', { datetime: iso || '', text: text || when(iso) });
}

/** A compact <time> for tables and lists, the full instant and zone in its title. */
export function shortTimeEl(iso) {
  return h('time', { datetime: iso || '', title: when(iso), text: whenShort(iso) });
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Only the time of day for an instant of today, else the short date and time. */
export function todayTimeEl(iso) {
  const date = new Date(iso);
  const today = !Number.isNaN(date.getTime()) && date.toDateString() === new Date().toDateString();
  return h('time', { datetime: iso || '', title: when(iso), text: today ? clockFormat.format(date) : whenShort(iso) });
}

/** "3 d 04:05:06" style countdown text. */
export function countdown(ms) {
  if (ms <= 0) {
    return 'now';
  }
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days} d ${clock}` : clock;
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '–';
}

/** Words for an enum constant: "DAILY_LOSS" → "daily loss". */
export function words(constant) {
  return constant ? String(constant).toLowerCase().replace(/_/g, ' ') : '';
}

export function capitalise(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A status badge. */
export function statusBadge(status) {
  return h('span', { class: ['badge', `status-${String(status || '').toLowerCase()}`], text: words(status) });
}
