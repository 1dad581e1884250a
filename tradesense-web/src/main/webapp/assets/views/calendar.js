// The economic calendar the news conduct rule judges trades against: staff read it, admins keep it.

import { del, get, hasRole, post } from '../api.js';
import { h, fill, field, when, announce } from '../dom.js';
import { busy, clearFormErrors, confirmDialog, pageHeading, panel, showFormError } from '../ui.js';

const IMPACTS = ['HIGH', 'MEDIUM', 'LOW'];

export async function calendarView(root) {
  const list = h('div', { id: 'calendar-list' });
  root.append(pageHeading('Economic calendar'),
    h('p', { class: 'lead', text: 'Releases a plan\u2019s news rule judges trades against: a trade opened or closed '
      + 'in the window around an entry of its symbol breaks the rule.' }));
  const admin = hasRole('ADMIN');
  if (admin) {
    root.append(entryForm(() => load(list)), importForm(() => load(list)));
  }
  root.append(panel('Entries', list));
  await load(list);
}

async function load(list) {
  const entries = await get('calendar');
  if (!entries.length) {
    fill(list, h('p', { class: 'empty', text: 'The calendar has no entries.' }));
    return;
  }
  const admin = hasRole('ADMIN');
  fill(list, h('table', { class: 'table', id: 'calendar-table' },
    h('thead', {}, h('tr', {}, ['When', 'Title', 'Impact', 'Symbols', admin ? '' : null]
      .filter((t) => t !== null).map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, entries.map((e) => h('tr', { 'data-id': e.id },
      h('td', { text: when(e.at) }), h('td', { text: e.title }),
      h('td', {}, h('span', { class: ['badge', `impact-${e.impact.toLowerCase()}`], text: e.impact })),
      h('td', { text: e.symbols.join(' ') }),
      admin ? h('td', {}, h('button', {
        type: 'button', class: 'secondary', text: 'Delete',
        onclick: async () => {
          if (await confirmDialog('Delete entry', `Delete \u201c${e.title}\u201d at ${when(e.at)}?`, 'Delete')) {
            await del(`calendar/${e.id}`);
            announce('Entry deleted');
            await load(list);
          }
        },
      })) : null)))));
}

function entryForm(reload) {
  const at = h('input', { type: 'datetime-local', name: 'at', id: 'cal-at', step: '1', required: true });
  const title = h('input', { type: 'text', name: 'title', id: 'cal-title', required: true, maxlength: '200' });
  const impact = h('select', { name: 'impact', id: 'cal-impact' }, IMPACTS.map((i) => h('option', { value: i, text: i })));
  const symbols = h('input', { type: 'text', name: 'symbols', id: 'cal-symbols', required: true,
    placeholder: 'EURUSD US30' });
  const add = h('button', { type: 'submit', id: 'cal-add', text: 'Add the entry' });
  const form = h('form', { class: 'form inline-form', id: 'calendar-form', novalidate: true },
    field('When (your local time)', at), field('Title', title), field('Impact', impact),
    field('Symbols', symbols, 'Separated by spaces or |.'), h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, add));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    try {
      await busy(add, () => post('calendar', {
        at: at.value ? new Date(at.value).toISOString() : null,
        title: title.value,
        impact: impact.value,
        symbols: symbols.value.split(/[\s|]+/).filter(Boolean),
      }), 'Adding…');
      form.reset();
      announce('Entry added');
      await reload();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return panel('Add an entry', form);
}

function importForm(reload) {
  const csv = h('textarea', { name: 'csv', id: 'cal-csv', rows: '6', spellcheck: 'false', class: 'code',
    placeholder: 'at,title,impact,symbols\n2026-03-06T13:30:00Z,Non-farm payrolls,HIGH,EURUSD US30' });
  const send = h('button', { type: 'submit', id: 'cal-import', text: 'Import' });
  const form = h('form', { class: 'form', id: 'calendar-import', novalidate: true },
    field('CSV (header at,title,impact,symbols)', csv, 'Every line is imported, or none when one is wrong.'),
    h('div', { class: 'form-message', 'aria-live': 'polite' }), h('div', { class: 'actions' }, send));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    try {
      const added = await busy(send, () => post('calendar', csv.value, { headers: { 'Content-Type': 'text/csv' } }),
        'Importing…');
      csv.value = '';
      announce(`${added.length} entries imported`);
      await reload();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return panel('Import CSV', form);
}
