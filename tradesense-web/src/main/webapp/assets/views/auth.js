// Sign in and create an account.

import { register, signIn, isStaff } from '../api.js';
import { h, field, announce } from '../dom.js';
import { busy, clearFormErrors, pageHeading, showFormError } from '../ui.js';

function afterLogin() {
  const wanted = window.sessionStorage.getItem('tradesense.after-login');
  window.sessionStorage.removeItem('tradesense.after-login');
  if (wanted && wanted !== '#/login' && wanted !== '#/register') {
    return wanted;
  }
  return isStaff() ? '#/risk' : '#/challenges';
}

export function loginView(root) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', id: 'login-submit', text: 'Sign in' });
  const form = h('form', { class: 'form narrow', id: 'login-form', novalidate: true },
    field('Email', email),
    field('Password', password),
    h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    try {
      await busy(submit, () => signIn(email.value.trim(), password.value), 'Signing in…');
      announce('Signed in');
      window.location.hash = afterLogin();
    } catch (error) {
      showFormError(form, error);
      if (!error.errors || !error.errors.length) {
        // A wrong email or password: the usual next step is to type the password again.
        password.focus();
        password.select();
      }
    }
  });
  root.append(pageHeading('Sign in'),
    h('p', { class: 'lead', text: 'Follow your challenges live, or watch every account from the risk console.' }),
    form,
    h('p', {}, 'New here? ', h('a', { href: '#/register', text: 'Create an account' }), '.'));
}

export function registerView(root) {
  const displayName = h('input', { type: 'text', name: 'displayName', autocomplete: 'name', required: true });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const password = h('input', {
    type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: '12', maxlength: '128',
  });
  const submit = h('button', { type: 'submit', id: 'register-submit', text: 'Create account' });
  const form = h('form', { class: 'form narrow', id: 'register-form', novalidate: true },
    field('Your name', displayName),
    field('Email', email),
    field('Password', password, '12 to 128 characters.'),
    h('div', { class: 'form-message', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    try {
      await busy(submit, async () => {
        await register(email.value.trim(), password.value, displayName.value.trim());
        await signIn(email.value.trim(), password.value);
      }, 'Creating…');
      announce('Account created; you are signed in');
      window.location.hash = '#/challenges';
    } catch (error) {
      showFormError(form, error);
    }
  });
  root.append(pageHeading('Create an account'),
    h('p', { class: 'lead', text: 'Traders sign up here, then start a challenge on one of the plans.' }),
    form,
    h('p', {}, 'Already have an account? ', h('a', { href: '#/login', text: 'Sign in' }), '.'));
}
