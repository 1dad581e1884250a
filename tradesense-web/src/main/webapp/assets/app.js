// TradeSense in the browser: hash routes, the signed-in session and the navigation.

import { currentSession, hasRole, isStaff, me, onSessionChange, signOut } from './api.js';
import { h, fill } from './dom.js';
import { pageHeading } from './ui.js';
import { loginView, registerView } from './views/auth.js';
import { challengesView } from './views/challenges.js';
import { dashboardView } from './views/dashboard.js';
import { riskView } from './views/risk.js';
import { riskDetailView } from './views/risk-detail.js';
import { simulatorView } from './views/simulator.js';
import { adminView } from './views/admin.js';
import { calendarView } from './views/calendar.js';
import { surveillanceView } from './views/surveillance.js';

/** [pattern, view, who may see it ('public' | 'signed-in' | 'staff' | 'admin')]. */
const ROUTES = [
  [/^\/login$/, loginView, 'public'],
  [/^\/register$/, registerView, 'public'],
  [/^\/challenges$/, challengesView, 'signed-in'],
  [/^\/dashboard\/([A-Za-z0-9-]+)$/, dashboardView, 'signed-in'],
  [/^\/risk$/, riskView, 'staff'],
  [/^\/risk\/([A-Za-z0-9-]+)$/, riskDetailView, 'staff'],
  [/^\/simulator$/, simulatorView, 'signed-in'],
  [/^\/admin(?:\/(plans|users|keys))?$/, adminView, 'admin'],
  [/^\/calendar$/, calendarView, 'staff'],
  [/^\/surveillance$/, surveillanceView, 'staff'],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let cleanup = null;
let renderCount = 0;

function home() {
  if (!currentSession()) {
    return '#/login';
  }
  return isStaff() ? '#/risk' : '#/challenges';
}

function renderNav() {
  const user = me();
  const route = window.location.hash || '#/';
  const link = (href, text) => h('a', {
    href, text, 'aria-current': route === href || route.startsWith(`${href}/`) ? 'page' : null,
  });
  if (!currentSession()) {
    fill(nav, h('ul', {}, h('li', {}, link('#/login', 'Sign in')), h('li', {}, link('#/register', 'Create an account'))));
    return;
  }
  const items = [];
  if (hasRole('TRADER') || hasRole('ADMIN')) {
    items.push(link('#/challenges', 'My challenges'));
  }
  if (isStaff()) {
    items.push(link('#/risk', 'Risk console'));
    items.push(link('#/calendar', 'Calendar'));
    items.push(link('#/surveillance', 'Surveillance'));
  }
  items.push(link('#/simulator', 'Simulator'));
  if (hasRole('ADMIN')) {
    items.push(link('#/admin', 'Admin'));
  }
  fill(nav, h('ul', {}, items.map((item) => h('li', {}, item)),
    h('li', { class: 'who' },
      h('span', { class: 'user', title: (user && user.roles || []).join(', ') },
        user ? user.name : '', user ? h('span', { class: 'roles', text: ` (${(user.roles || []).join(', ').toLowerCase()})` }) : null),
      h('button', {
        type: 'button', class: 'link-button', id: 'sign-out', text: 'Sign out',
        on: {
          click: async () => {
            await signOut();
            // Whoever signs in next starts on their own start page.
            window.sessionStorage.removeItem('tradesense.after-login');
            window.location.hash = '#/login';
          },
        },
      }))));
}

async function route() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      // A view's teardown must never stop the next view.
    }
    cleanup = null;
  }
  const found = ROUTES.map(([pattern, view, access]) => ({ match: pattern.exec(hash), view, access }))
    .find((candidate) => candidate.match);
  if (!found) {
    window.location.replace(home());
    return;
  }
  if (found.access !== 'public' && !currentSession()) {
    window.sessionStorage.setItem('tradesense.after-login', `#${hash}`);
    window.location.replace('#/login');
    return;
  }
  if (found.access === 'public' && currentSession()) {
    window.location.replace(home());
    return;
  }
  renderNav();
  renderCount += 1;
  const mine = renderCount;
  const container = h('div', { class: 'view' });
  fill(main, container);
  if ((found.access === 'staff' && !isStaff()) || (found.access === 'admin' && !hasRole('ADMIN'))) {
    fill(container, pageHeading('Not for your role'),
      h('p', { text: found.access === 'admin'
        ? 'This page is for administrators.' : 'This page is for risk staff and administrators.' }),
      h('p', {}, h('a', { href: home(), text: 'Go to your start page' })));
    focusHeading();
    return;
  }
  try {
    const teardown = await found.view(container, found.match.slice(1));
    if (mine !== renderCount) {
      if (typeof teardown === 'function') {
        teardown();
      }
      return;
    }
    cleanup = typeof teardown === 'function' ? teardown : null;
  } catch (error) {
    fill(container, pageHeading('This page could not be shown'),
      h('p', { class: 'problem', role: 'alert', text: error && error.message ? error.message : 'Please try again.' }));
  }
  focusHeading();
}

/** Moves focus to the new page's heading so keyboard and screen-reader users start there. */
function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading && document.activeElement !== heading && !main.contains(document.activeElement)) {
    heading.focus({ preventScroll: false });
  }
}

onSessionChange((session) => {
  renderNav();
  if (!session && !/^#\/(login|register)$/.test(window.location.hash)) {
    // The session ended (signed out, or the refresh token expired): back to the sign-in page.
    window.sessionStorage.setItem('tradesense.after-login', window.location.hash);
    window.location.hash = '#/login';
  }
});
window.addEventListener('hashchange', route);
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
route();
