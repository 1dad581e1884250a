// Pieces every screen uses: headings, errors in words, busy buttons, progress bars, dialogs.

import { ApiError } from './api.js';
import { h, fill } from './dom.js';

/** The page's heading; the router moves focus to it after each navigation. */
export function pageHeading(text, ...extra) {
  return h('div', { class: 'page-heading' }, h('h1', { tabindex: '-1', text }), extra);
}

/** An error as words: the problem's title, its detail and each field's message. Never a stack trace. */
export function problemView(error, { live = true } = {}) {
  const box = h('div', { class: 'problem', role: live ? 'alert' : null });
  if (error instanceof ApiError) {
    box.append(h('p', { class: 'problem-title' }, h('strong', { text: error.title })));
    if (error.detail && error.detail !== error.title) {
      box.append(h('p', { class: 'problem-detail', text: error.detail }));
    }
    const fieldErrors = error.errors.filter((e) => e.path);
    if (fieldErrors.length > 1 || (fieldErrors.length === 1 && !String(error.detail || '').includes(fieldErrors[0].message))) {
      box.append(h('ul', { class: 'problem-fields' },
        fieldErrors.map((e) => h('li', {}, h('code', { text: e.path }), `: ${e.message}`))));
    }
  } else {
    box.append(h('p', { class: 'problem-title' }, h('strong', { text: 'Something went wrong' })),
      h('p', { class: 'problem-detail', text: error && error.message ? error.message : 'Please try again.' }));
  }
  return box;
}

/**
 * Shows an API error on a form: each field error next to its field (by data-field = JSON path), the
 * rest in the form's message area. Clears earlier errors first.
 */
export function showFormError(form, error) {
  clearFormErrors(form);
  const area = form.querySelector('.form-message');
  let firstInvalid = null;
  if (error instanceof ApiError) {
    for (const fieldError of error.errors) {
      const wrapper = form.querySelector(`.field[data-field="${CSS.escape(fieldError.path)}"]`);
      if (!wrapper) {
        continue;
      }
      const control = wrapper.querySelector('input, select, textarea');
      const message = wrapper.querySelector('.field-error');
      message.textContent = fieldError.message;
      message.hidden = false;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        described.add(message.id);
        control.setAttribute('aria-describedby', [...described].join(' '));
        firstInvalid = firstInvalid || control;
      }
    }
  }
  if (area) {
    const unplaced = error instanceof ApiError
      ? error.errors.filter((e) => !form.querySelector(`.field[data-field="${CSS.escape(e.path)}"]`)) : [];
    if (firstInvalid && !unplaced.length) {
      // Every problem is shown at its field; the summary only says so.
      fill(area, h('div', { class: 'problem', role: 'alert' },
        h('p', { class: 'problem-title' }, h('strong', { text: error.title })),
        h('p', { class: 'problem-detail', text: error.errors.length === 1 ? 'Check the field marked above.' : 'Check the fields marked above.' })));
    } else {
      fill(area, problemView(error));
    }
  }
  if (firstInvalid) {
    firstInvalid.focus();
  }
}

export function clearFormErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((message) => {
    message.hidden = true;
    message.textContent = '';
  });
  const area = form.querySelector('.form-message');
  if (area) {
    fill(area);
  }
}

/** Runs `work` with the button disabled and saying it is busy. */
export async function busy(button, work, busyText) {
  const label = button.textContent;
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (busyText) {
    button.textContent = busyText;
  }
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (busyText) {
      button.textContent = label;
    }
    // A disabled button loses the focus; give it back so keyboard users stay where they were.
    if (hadFocus && button.isConnected && (document.activeElement === document.body || !document.activeElement)) {
      button.focus();
    }
  }
}

/**
 * A labelled progress bar. fraction in [0, 1] (clamped); tone: 'ok' | 'warn' | 'danger' | 'goal'.
 * The bar is a real <progress>-like element with role="progressbar" and its values.
 */
export function progressBar({ label, fraction, valueText, detail, tone = 'ok', name }) {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const id = `bar-${name || Math.random().toString(36).slice(2)}`;
  const fillEl = h('div', { class: ['bar-fill', `tone-${tone}`] });
  fillEl.style.width = `${(clamped * 100).toFixed(1)}%`;
  return h('div', { class: 'bar', 'data-bar': name || '' },
    h('div', { class: 'bar-head' },
      h('span', { class: 'bar-label', id: `${id}-label`, text: label }),
      h('span', { class: 'bar-value', text: valueText })),
    h('div', {
      class: 'bar-track', role: 'progressbar', 'aria-labelledby': `${id}-label`,
      'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(Math.round(clamped * 100)),
      'aria-valuetext': valueText,
    }, fillEl),
    detail ? h('p', { class: 'bar-detail', text: detail }) : null);
}

/** The tone of a loss room: red when almost gone. */
export function roomTone(fraction) {
  if (!Number.isFinite(fraction)) {
    return 'ok';
  }
  if (fraction <= 0.2) {
    return 'danger';
  }
  if (fraction <= 0.5) {
    return 'warn';
  }
  return 'ok';
}

/**
 * A modal dialog built on <dialog> (focus is trapped and Escape closes it natively). `body` is an
 * element; `actions` build the buttons. Resolves with the value passed to close(value), or null.
 */
export function modal(title, build) {
  return new Promise((resolve) => {
    const titleId = `dialog-${Math.random().toString(36).slice(2)}`;
    const dialog = h('dialog', { class: 'modal', 'aria-labelledby': titleId });
    let result = null;
    const close = (value) => {
      result = value;
      dialog.close();
    };
    dialog.append(h('h2', { id: titleId, text: title }), build(close));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Asks a yes/no question in a dialog. */
export function confirmDialog(title, message, confirmLabel = 'Confirm') {
  return modal(title, (close) => h('div', {},
    h('p', { text: message }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', text: confirmLabel, on: { click: () => close(true) } }),
      h('button', { type: 'button', class: 'secondary', text: 'Cancel', on: { click: () => close(false) } }))));
}

/** A panel (card) with a heading. */
export function panel(title, ...children) {
  const id = `panel-${Math.random().toString(36).slice(2)}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id, text: title }), children);
}

/** Shows "Loading…" in an element while `promise` runs; then the result or the error in words. */
export async function loadInto(el, promise, render) {
  fill(el, h('p', { class: 'loading', text: 'Loading…' }));
  try {
    const value = await promise;
    fill(el, render(value));
    return value;
  } catch (error) {
    fill(el, problemView(error));
    return undefined;
  }
}
