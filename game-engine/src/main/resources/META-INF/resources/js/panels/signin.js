// Sign-in by name: POST /api/session {name} → {token, user}, the server sets the session cookie; DELETE
// /api/session signs out. The page then reconnects so that the engine knows the new user. Shows who is signed
// in, and as a guest what a guest can and cannot do (in the server's words, from get_limits).
import { el } from '../dom.js';

export function mount(section, conn, ctx) {
  const who = el('p', { attrs: { 'data-testid': 'signin-user' } });
  const guestCan = el('p');
  const guestCannot = el('p');
  const explain = el('div', { className: 'muted', attrs: { 'data-testid': 'guest-explainer' } }, guestCan, guestCannot,
    el('p', { text: 'A name is claimed once; this browser stays signed in.' }));
  const name = el('input', { maxLength: 64, placeholder: 'your name', required: true,
    attrs: { 'aria-label': 'name', 'data-testid': 'signin-name', autocomplete: 'username' } });
  const signIn = el('button', { type: 'submit', className: 'primary', text: 'Sign in', attrs: { 'data-testid': 'signin-submit' } });
  const form = el('form', { className: 'row', on: { submit: (event) => { event.preventDefault(); submit(); } } }, name, signIn);
  const signOut = el('button', { text: 'Sign out', attrs: { 'data-testid': 'signout' }, on: { click: leave } });
  const message = el('p', { className: 'muted', attrs: { role: 'status', 'data-testid': 'signin-status' } });
  section.append(el('h2', { text: 'Sign in' }), who, explain, form, signOut, message);

  function show(user) {
    const guest = !user || user.guest || user.isDefault;
    who.textContent = guest ? 'You are a guest.' : `Signed in as ${user.username}.`;
    who.dataset.user = guest ? '' : user.username;
    explain.hidden = !guest;
    form.hidden = !guest;
    signOut.hidden = guest;
    if (guest) {
      ctx.withLimits((limits) => { guestCan.textContent = limits.guest.can; guestCannot.textContent = limits.guest.cannot; });
    }
  }

  async function submit() {
    const chosen = name.value.trim();
    if (!chosen) return;
    try {
      const response = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: chosen }), credentials: 'same-origin' });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw body;
      message.textContent = `welcome, ${body.user.name}: this browser stays signed in`;
      message.classList.remove('error');
      conn.switchWorld(conn.worldId);
    } catch (error) {
      message.textContent = `not signed in: ${error.code || ''} ${error.message || error}`;
      message.classList.add('error');
    }
  }

  async function leave() {
    await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => {});
    message.textContent = 'signed out';
    conn.switchWorld(conn.worldId);
  }

  conn.onWelcome((welcome) => show(welcome.user));
  conn.on('signed_out', (event) => {
    show(event.user);
    message.textContent = event.message;
  });
}
