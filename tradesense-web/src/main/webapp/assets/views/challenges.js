// A trader's start page: their challenges, and the plan catalogue to start a new one.

import { get, hasRole, me, post, query } from '../api.js';
import { h, fill, money, pct, shortId, statusBadge, shortTimeEl, announce } from '../dom.js';
import { planRulesView, planSummary } from '../rules.js';
import { busy, pageHeading, panel, problemView } from '../ui.js';

export async function challengesView(root) {
  const mine = h('div', { class: 'challenge-list' }, h('p', { class: 'loading', text: 'Loading…' }));
  const catalogue = h('div', { class: 'plan-grid' }, h('p', { class: 'loading', text: 'Loading…' }));
  root.append(pageHeading('My challenges'),
    panel('Your challenges', mine),
    panel('Start a challenge', h('p', { class: 'muted', text: 'Pick a plan from the catalogue. Your account opens now.' }),
      catalogue));

  const user = me();
  get(`challenges${query({ trader: user.id, size: 50 })}`).then((page) => {
    if (!page.items.length) {
      fill(mine, h('p', { class: 'empty', text: 'No challenge yet. Start one below.' }));
      return;
    }
    fill(mine, h('ul', { class: 'cards' }, page.items.map(challengeCard)));
  }).catch((error) => fill(mine, problemView(error)));

  const mayStart = hasRole('TRADER') || hasRole('ADMIN');
  get(`plans${query({ size: 100 })}`).then((page) => {
    if (!page.items.length) {
      fill(catalogue, h('p', { class: 'empty', text: 'No plan is published yet.' }));
      return;
    }
    fill(catalogue, page.items.map((plan) => planCard(plan, mayStart)));
  }).catch((error) => fill(catalogue, problemView(error)));
}

function challengeCard(c) {
  return h('li', { class: 'card challenge-card', 'data-challenge': c.id },
    h('div', { class: 'card-head' },
      h('a', { href: `#/dashboard/${c.id}`, class: 'card-title' }, `${c.planCode} · ${c.phase.name}`),
      statusBadge(c.status)),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', { text: 'Equity' }), h('dd', { text: money(c.equity) })),
      h('div', {}, h('dt', { text: 'Target' }), h('dd', { text: c.profitTargetBalance === null ? 'none' : pct(c.profitTargetProgressPct) })),
      h('div', {}, h('dt', { text: 'Started' }), h('dd', {}, shortTimeEl(c.startedAt)))),
    h('p', { class: 'muted small', text: `Challenge ${shortId(c.id)}` }));
}

function planCard(plan, mayStart) {
  const definition = plan.definition;
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const start = h('button', {
    type: 'button', class: 'start-plan', 'data-plan': plan.code, text: `Start ${plan.name}`,
    on: {
      click: async () => {
        fill(message);
        try {
          const started = await busy(start, () => post('challenges', { planCode: plan.code }), 'Starting…');
          announce(`Challenge started on ${plan.name}`);
          window.location.hash = `#/dashboard/${started.id}`;
        } catch (error) {
          fill(message, problemView(error));
        }
      },
    },
  });
  return h('article', { class: 'card plan-card', 'data-plan': plan.code },
    h('h3', {}, plan.name),
    h('p', { class: 'muted small', text: `${plan.code} · version ${plan.version}` }),
    h('p', { text: planSummary(definition) }),
    h('details', {}, h('summary', { text: 'Read the rules' }), planRulesView(definition)),
    mayStart ? h('div', { class: 'actions' }, start) : h('p', { class: 'muted small', text: 'Only traders start challenges.' }),
    message);
}
