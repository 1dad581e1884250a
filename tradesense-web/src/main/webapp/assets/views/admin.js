// Administration: plans (publish from a preset, revise as a new version), users and roles, API keys, webhooks.

import { ApiError, del, forgetPlans, get, post, put, query } from '../api.js';
import { h, fill, field, shortTimeEl, announce } from '../dom.js';
import { planSummary } from '../rules.js';
import { webhooksTab } from './webhooks.js';
import {
  busy, clearFormErrors, confirmDialog, pageHeading, panel, problemView, showFormError,
} from '../ui.js';

const TABS = [['plans', 'Plans'], ['users', 'Users and roles'], ['keys', 'API keys'], ['webhooks', 'Webhooks']];
const ROLES = ['TRADER', 'RISK', 'ADMIN'];

export async function adminView(root, [tab = 'plans']) {
  const current = tab || 'plans';
  root.append(pageHeading('Administration'),
    h('nav', { class: 'tabs', 'aria-label': 'Administration' }, h('ul', {}, TABS.map(([key, label]) => h('li', {},
      h('a', { href: `#/admin/${key}`, text: label, 'aria-current': key === current ? 'page' : null }))))));
  const body = h('div', { class: 'tab-body' });
  root.append(body);
  if (current === 'users') {
    await usersTab(body);
  } else if (current === 'keys') {
    await keysTab(body);
  } else if (current === 'webhooks') {
    await webhooksTab(body);
  } else {
    await plansTab(body);
  }
}

// ---- Plans ---------------------------------------------------------------------------------

async function plansTab(root) {
  const list = h('div', { id: 'plan-list' });
  const editorBox = h('div', { id: 'plan-editor' });
  const presetSelect = h('select', { name: 'preset', id: 'preset' });
  const code = h('input', { type: 'text', name: 'code', id: 'new-plan-code', required: true, pattern: '[a-z0-9\\-]+', autocomplete: 'off' });
  const name = h('input', { type: 'text', name: 'name', id: 'new-plan-name', required: true, autocomplete: 'off' });
  const startButton = h('button', { type: 'submit', id: 'new-plan-start', text: 'Edit the new plan' });
  const createForm = h('form', { class: 'form inline-form', id: 'new-plan-form' },
    field('Preset', presetSelect), field('Code of the new plan', code, 'Lower-case letters, digits and dashes.'),
    field('Name', name), h('div', { class: 'actions' }, startButton));
  root.append(panel('Publish a plan from a preset', createForm), editorBox, panel('Plans', list));

  let plans = [];
  async function reload() {
    try {
      plans = (await get(`plans${query({ size: 100 })}`)).items;
      fill(presetSelect, plans.map((p) => h('option', { value: p.code, text: `${p.name} (${p.code} v${p.version})` })));
      fill(list, plans.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, ['Code', 'Name', 'Version', 'Rules', 'Published', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, plans.map((p) => h('tr', { 'data-plan': p.code },
          h('th', { scope: 'row', class: 'mono', text: p.code }),
          h('td', { text: p.name }),
          h('td', { class: 'num', text: String(p.version) }),
          h('td', { class: 'small', text: planSummary(p.definition) }),
          h('td', {}, shortTimeEl(p.createdAt)),
          h('td', {}, h('button', {
            type: 'button', class: 'secondary', text: 'Edit as a new version', 'aria-label': `Edit ${p.code} as a new version`,
            on: { click: () => openEditor('revise', p, p.definition) },
          }))))))) : h('p', { class: 'empty', text: 'No plan yet.' }));
    } catch (error) {
      fill(list, problemView(error));
    }
  }

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const preset = plans.find((p) => p.code === presetSelect.value);
    if (!preset) {
      return;
    }
    const definition = { ...preset.definition, code: code.value.trim(), name: name.value.trim() || preset.name };
    openEditor('create', null, definition);
  });

  function openEditor(mode, existing, definition) {
    const text = h('textarea', { name: 'document', id: 'plan-document', rows: '22', spellcheck: 'false', class: 'code' });
    text.value = JSON.stringify(definition, null, 2);
    // The document stays the one source: the box rewrites its "surveillance" block (docs/surveillance.md).
    const ownCopying = h('input', { type: 'checkbox', id: 'plan-own-copying',
      checked: definition.surveillance?.allowOwnAccountCopying !== false });
    ownCopying.addEventListener('change', () => {
      let edited;
      try {
        edited = JSON.parse(text.value);
      } catch (e) {
        ownCopying.checked = !ownCopying.checked;
        return;
      }
      if (ownCopying.checked) {
        delete edited.surveillance;
      } else {
        edited.surveillance = { ...(edited.surveillance || {}), allowOwnAccountCopying: false };
      }
      text.value = JSON.stringify(edited, null, 2);
    });
    const save = h('button', { type: 'submit', id: 'plan-save', text: mode === 'create' ? 'Publish version 1' : `Publish version ${existing.version + 1}` });
    const form = h('form', { class: 'form', id: 'plan-form', novalidate: true },
      h('div', { class: 'field', 'data-field': '' }, h('label', { for: 'plan-document', text: 'Plan document (JSON)' }), text,
        h('p', { class: 'hint', text: 'Every rule is spelled out; remove a field to get its default. A FUNDED phase may add "payout" and "scaling" blocks (docs/rules.md §20).' })),
      h('div', { class: 'field' }, h('span', { class: 'check' }, ownCopying,
        h('label', { for: 'plan-own-copying', text: 'Allow copying between one trader\u2019s own accounts' })),
        h('p', { class: 'hint', text: 'Surveillance only: checked (the default), such copies are no COPY_TRADING finding; unchecked, they are one on this plan. Copies by other traders always are.' })),
      h('div', { class: 'form-message', 'aria-live': 'polite' }),
      h('div', { class: 'actions' }, save,
        h('button', { type: 'button', class: 'secondary', text: 'Cancel', on: { click: () => fill(editorBox) } })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      let document;
      try {
        document = JSON.parse(text.value);
      } catch (e) {
        showFormError(form, new ApiError(400, 'The plan is not valid JSON', e.message));
        return;
      }
      try {
        const saved = await busy(save, () => (mode === 'create'
          ? post('plans', document)
          : put(`plans/${encodeURIComponent(existing.code)}`, document)), 'Publishing…');
        forgetPlans();
        fill(editorBox, h('p', { class: 'banner banner-passed', role: 'status', id: 'plan-saved' },
          `Published ${saved.code} version ${saved.version}.`));
        announce(`Published ${saved.code} version ${saved.version}`);
        await reload();
      } catch (error) {
        showFormError(form, error);
      }
    });
    fill(editorBox, panel(mode === 'create' ? `New plan ${definition.code || ''}` : `Revise ${existing.code} (now version ${existing.version})`, form));
    text.focus();
  }

  await reload();
}

// ---- Users -----------------------------------------------------------------------------------

async function usersTab(root) {
  const list = h('div', { id: 'user-list' });
  const pager = h('div', { class: 'actions pager' });
  root.append(panel('Users', h('p', { class: 'muted small', text: 'Role changes apply from the user\u2019s next sign-in or token refresh.' }), list, pager));
  const size = 20;
  let page = 0;

  async function load() {
    try {
      const answer = await get(`admin/users${query({ page, size })}`);
      fill(list, answer.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data users' },
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Roles', 'Since', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map(userRow)))) : h('p', { class: 'empty', text: 'No user on this page.' }));
      fill(pager,
        h('button', { type: 'button', class: 'secondary', text: 'Previous page', disabled: page === 0, on: { click: () => { page -= 1; load(); } } }),
        h('span', { class: 'muted', text: `Page ${page + 1}` }),
        h('button', { type: 'button', class: 'secondary', text: 'Next page', disabled: answer.items.length < size, on: { click: () => { page += 1; load(); } } }));
    } catch (error) {
      fill(list, problemView(error));
    }
  }

  function userRow(user) {
    const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
    const boxes = ROLES.map((role) => {
      const id = `role-${user.id}-${role}`;
      return h('span', { class: 'check' },
        h('input', { type: 'checkbox', id, value: role, checked: user.roles.includes(role) }),
        h('label', { for: id, text: role.toLowerCase() }));
    });
    const save = h('button', { type: 'button', class: 'secondary', text: 'Save roles', 'aria-label': `Save the roles of ${user.email}` });
    save.addEventListener('click', async () => {
      const roles = boxes.map((box) => box.querySelector('input')).filter((input) => input.checked).map((input) => input.value);
      fill(message);
      try {
        const saved = await busy(save, () => put(`admin/users/${encodeURIComponent(user.id)}/roles`, { roles }));
        fill(message, h('span', { class: 'ok', role: 'status', text: `Saved: ${saved.roles.join(', ').toLowerCase()}` }));
      } catch (error) {
        fill(message, problemView(error));
      }
    });
    return h('tr', { 'data-user': user.id },
      h('th', { scope: 'row', text: user.displayName }),
      h('td', { text: user.email }),
      h('td', {}, h('fieldset', { class: 'roles' }, h('legend', { class: 'visually-hidden', text: `Roles of ${user.email}` }), boxes)),
      h('td', {}, shortTimeEl(user.createdAt)),
      h('td', {}, save, message));
  }

  await load();
}

// ---- API keys --------------------------------------------------------------------------------

async function keysTab(root) {
  const list = h('div', { id: 'key-list' });
  const issued = h('div', { id: 'key-issued', 'aria-live': 'polite' });
  const name = h('input', { type: 'text', name: 'name', id: 'key-name', required: true, autocomplete: 'off' });
  const planCodes = h('input', { type: 'text', name: 'planCodes', id: 'key-plans', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', id: 'key-issue', text: 'Issue a key' });
  const form = h('form', { class: 'form inline-form', id: 'key-form', novalidate: true },
    field('Name (e.g. the bridge it is for)', name),
    field('Limit to plan codes', planCodes, 'Comma-separated; empty: every plan.'),
    h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, submit));
  root.append(panel('Issue a platform key', form, issued), panel('Keys', list));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    fill(issued);
    const codes = planCodes.value.split(',').map((c) => c.trim()).filter(Boolean);
    const body = { name: name.value.trim() };
    if (codes.length) {
      body.planCodes = codes;
    }
    try {
      const key = await busy(submit, () => post('admin/api-keys', body), 'Issuing…');
      const secret = h('input', { type: 'text', readonly: true, id: 'key-secret', value: key.key, class: 'mono' });
      const copy = h('button', { type: 'button', class: 'secondary', text: 'Copy' });
      copy.addEventListener('click', async () => {
        secret.select();
        try {
          await navigator.clipboard.writeText(key.key);
          announce('Key copied');
        } catch (e) {
          announce('Press Ctrl+C to copy the selected key');
        }
      });
      fill(issued, h('div', { class: 'banner banner-passed', role: 'status' },
        h('p', {}, h('strong', { text: `Key “${key.name}” issued. ` }), 'Copy it now: it is shown only once.'),
        field('Key', secret), h('div', { class: 'actions' }, copy)));
      name.value = '';
      planCodes.value = '';
      await load();
      secret.focus();
      secret.select();
    } catch (error) {
      showFormError(form, error);
    }
  });

  async function load() {
    try {
      const answer = await get('admin/api-keys');
      fill(list, answer.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data keys' },
        h('thead', {}, h('tr', {}, ['Name', 'Id', 'Plans', 'Issued by', 'Issued', 'State', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map((key) => h('tr', { 'data-key': key.id, class: key.revokedAt ? 'muted' : null },
          h('th', { scope: 'row', text: key.name }),
          h('td', { class: 'mono small', text: key.id }),
          h('td', { text: key.planCodes.length ? key.planCodes.join(', ') : 'every plan' }),
          h('td', { class: 'small', text: key.createdBy }),
          h('td', {}, shortTimeEl(key.createdAt)),
          h('td', {}, key.revokedAt ? h('span', {}, 'revoked ', shortTimeEl(key.revokedAt)) : 'active'),
          h('td', {}, key.revokedAt ? null : h('button', {
            type: 'button', class: 'danger', text: 'Revoke', 'aria-label': `Revoke ${key.name}`,
            on: {
              click: async (event) => {
                const ok = await confirmDialog('Revoke this key?', `The platform using “${key.name}” is refused at once.`, 'Revoke');
                if (!ok) {
                  return;
                }
                try {
                  await busy(event.target, () => del(`admin/api-keys/${encodeURIComponent(key.id)}`));
                  announce(`Key ${key.name} revoked`);
                  await load();
                } catch (error) {
                  fill(issued, problemView(error));
                }
              },
            },
          }))))))) : h('p', { class: 'empty', text: 'No key yet.' }));
    } catch (error) {
      fill(list, problemView(error));
    }
  }

  await load();
}

