// Administration of webhooks: subscriptions (created with a secret shown once, rotated, removed) and their
// deliveries, with a replay button. The API is /api/v1/admin/webhooks (docs/webhooks.md).

import { del, get, post, query } from '../api.js';
import { h, fill, field, shortTimeEl, announce } from '../dom.js';
import { busy, clearFormErrors, confirmDialog, panel, problemView, showFormError } from '../ui.js';

const TYPES = ['challenge.started', 'challenge.phase_passed', 'challenge.passed', 'challenge.failed',
  'challenge.paused', 'challenge.resumed', 'alert.raised', 'platform.command', 'conduct.violation',
  'payout.requested', 'payout.paid'];
const STATUSES = ['', 'PENDING', 'DELIVERED', 'DEAD'];

function secretBanner(title, secret) {
  const input = h('input', { type: 'text', readonly: true, id: 'webhook-secret', value: secret.secret, class: 'mono' });
  return h('div', { class: 'banner banner-passed', role: 'status' },
    h('p', {}, h('strong', { text: `${title} ` }), `Key ${secret.keyId}. Copy the secret now: it is shown only once.`),
    field('Secret', input));
}

export async function webhooksTab(root) {
  const url = h('input', { type: 'url', name: 'url', id: 'webhook-url', required: true, autocomplete: 'off', placeholder: 'https://' });
  const description = h('input', { type: 'text', name: 'description', id: 'webhook-description', autocomplete: 'off' });
  const boxes = TYPES.map((type) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'eventTypes', value: type, checked: type.startsWith('challenge.') || type === 'platform.command' }),
    ` ${type}`));
  const submit = h('button', { type: 'submit', id: 'webhook-create', text: 'Add the subscription' });
  const form = h('form', { class: 'form', id: 'webhook-form', novalidate: true },
    field('URL', url, 'An absolute http or https address.'), field('Description', description),
    h('fieldset', { 'data-field': 'eventTypes' }, h('legend', { text: 'Event types' }), ...boxes),
    h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, submit));
  const issued = h('div', { id: 'webhook-issued' });
  const list = h('div', { id: 'webhook-list' });
  const statusSelect = h('select', { id: 'delivery-status', name: 'status' },
    STATUSES.map((s) => h('option', { value: s, text: s || 'any status' })));
  const deliveries = h('div', { id: 'delivery-list' });
  root.append(panel('Add a webhook subscription', form, issued), panel('Subscriptions', list),
    panel('Deliveries', h('div', { class: 'inline-form' }, field('Status', statusSelect)), deliveries));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    fill(issued);
    const eventTypes = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    const body = { url: url.value.trim(), eventTypes };
    if (description.value.trim()) {
      body.description = description.value.trim();
    }
    try {
      const created = await busy(submit, () => post('admin/webhooks', body), 'Adding…');
      fill(issued, secretBanner('Subscription added.', created.secret));
      url.value = '';
      description.value = '';
      await load();
    } catch (error) {
      showFormError(form, error);
    }
  });

  async function rotate(subscription, button) {
    try {
      const secret = await busy(button, () => post(`admin/webhooks/${encodeURIComponent(subscription.id)}/secrets`, {}));
      fill(issued, secretBanner('New signing key.', secret));
      await load();
    } catch (error) {
      fill(issued, problemView(error));
    }
  }

  async function remove(subscription, button) {
    const ok = await confirmDialog('Remove this subscription?', `No more webhooks go to ${subscription.url}.`, 'Remove');
    if (!ok) {
      return;
    }
    try {
      await busy(button, () => del(`admin/webhooks/${encodeURIComponent(subscription.id)}`));
      announce('Subscription removed');
      await load();
    } catch (error) {
      fill(issued, problemView(error));
    }
  }

  async function load() {
    try {
      const answer = await get('admin/webhooks');
      fill(list, answer.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data webhooks' },
        h('thead', {}, h('tr', {}, ['URL', 'Event types', 'Keys', 'State', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map((s) => h('tr', { 'data-subscription': s.id, class: s.active ? null : 'muted' },
          h('th', { scope: 'row', class: 'mono small', text: s.url }),
          h('td', { class: 'small', text: s.eventTypes.join(', ') }),
          h('td', { class: 'mono small', text: s.keys.filter((k) => !k.retiredAt).map((k) => k.keyId).join(', ') }),
          h('td', { text: s.active ? 'active' : 'inactive' }),
          h('td', {},
            h('button', { type: 'button', class: 'secondary', text: 'Rotate secret', on: { click: (e) => rotate(s, e.target) } }),
            ' ',
            h('button', { type: 'button', class: 'danger', text: 'Remove', on: { click: (e) => remove(s, e.target) } })))))))
        : h('p', { class: 'empty', text: 'No subscription yet.' }));
    } catch (error) {
      fill(list, problemView(error));
    }
    await loadDeliveries();
  }

  async function loadDeliveries() {
    try {
      const answer = await get(`admin/webhooks/deliveries${query({ status: statusSelect.value || undefined, size: 50 })}`);
      fill(deliveries, answer.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data deliveries' },
        h('thead', {}, h('tr', {}, ['Event', 'Challenge', 'Status', 'Attempts', 'Last answer', 'Created', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map((d) => h('tr', { 'data-delivery': d.id },
          h('th', { scope: 'row', class: 'small' }, d.eventType || '', h('br'), h('span', { class: 'mono small', text: d.eventId })),
          h('td', { class: 'mono small', text: d.subject || '' }),
          h('td', { text: d.status }),
          h('td', { class: 'num', text: String(d.attempts) }),
          h('td', { class: 'small', text: d.lastError || (d.lastStatus ? `HTTP ${d.lastStatus}` : '') }),
          h('td', {}, shortTimeEl(d.createdAt)),
          h('td', {}, h('button', {
            type: 'button', class: 'secondary', text: 'Replay', 'aria-label': `Replay delivery ${d.id}`,
            on: {
              click: async (event) => {
                try {
                  await busy(event.target, () => post(`admin/webhooks/deliveries/${encodeURIComponent(d.id)}/replay`, {}));
                  announce('Delivery replayed');
                  await loadDeliveries();
                } catch (error) {
                  fill(deliveries, problemView(error));
                }
              },
            },
          }))))))) : h('p', { class: 'empty', text: 'No delivery.' }));
    } catch (error) {
      fill(deliveries, problemView(error));
    }
  }

  statusSelect.addEventListener('change', loadDeliveries);
  await load();
}
