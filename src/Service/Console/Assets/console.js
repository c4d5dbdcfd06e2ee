// The console's only script, ours and served by the service. Without it every page and form still works; with it:
// a page refreshes its live part when its stream says the incident changed, deadlines count down, and an action
// made offline waits on the device (localStorage) with its idempotency key and is sent once the network returns.
(() => {
  'use strict';
  const body = document.body;
  const live = () => document.getElementById('live');
  // getAttribute: a form's .action property is shadowed by a control named "action".
  const target = (form) => (form ? form.getAttribute('action') || '' : '');
  const liveState = document.querySelector('.live-state');

  // Replaces the live region with the server's current rendering. A form the reader has started filling in (text
  // typed, a file chosen) is kept as it is, in place of its new copy, so a change elsewhere loses nothing.
  async function refresh() {
    const response = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('live');
    const current = live();
    if (!next || !current) return;
    const started = (form) => Array.from(form.elements).some((el) =>
      (el.type === 'file' && el.files && el.files.length > 0) || ((el.tagName === 'TEXTAREA' || el.type === 'text') && el.value));
    const kept = new Map();
    current.querySelectorAll('form').forEach((form) => { if (started(form)) kept.set(target(form) + '|' + form.className, form); });
    next.querySelectorAll('form').forEach((form) => {
      const old = kept.get(target(form) + '|' + form.className);
      if (old) form.replaceWith(old);
    });
    const focused = document.activeElement && current.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused && focused.form ? target(focused.form) + '|' + (focused.name || '') + '|' + (focused.value || '') : null;
    current.replaceWith(next);
    if (focusKey) {
      next.querySelectorAll('button, textarea, input, select').forEach((el) => {
        if (el.form && target(el.form) + '|' + (el.name || '') + '|' + (el.value || '') === focusKey) el.focus();
      });
    }
    bind();
    showQueued();
  }

  // The stream: one event on open (a reconnect after a lost network refreshes at once), then one per change.
  function listen() {
    const region = live();
    if (!region || !region.dataset.live || !window.EventSource) return;
    const source = new EventSource(region.dataset.live);
    let shown = region.dataset.seq || null;
    source.addEventListener('changed', (e) => {
      if (liveState) liveState.hidden = true;
      const seq = Number(e.data);
      // Sequence numbers only grow: an event older than the page (the feed reads the store a moment behind) is not news.
      if (shown !== null && seq <= Number(shown)) return;
      const first = shown === null;
      shown = e.data;
      if (!first) refresh();
    });
    source.onerror = () => {
      if (liveState) { liveState.textContent = body.dataset.reconnecting; liveState.hidden = false; }
    };
  }

  // Countdowns to the ack and due times, every second, in the page's language.
  function tick() {
    document.querySelectorAll('time[data-countdown]:not([data-countdown=off])').forEach((el) => {
      const at = Date.parse(el.getAttribute('datetime'));
      if (isNaN(at)) return;
      if (!el.dataset.label) el.dataset.label = el.textContent;
      const left = Math.round((at - Date.now()) / 1000);
      const abs = Math.abs(left);
      const h = Math.floor(abs / 3600), m = Math.floor((abs % 3600) / 60), s = abs % 60;
      const span = (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
      const zh = body.dataset.lang === 'zh-CN';
      el.textContent = el.dataset.label + (left >= 0 ? (zh ? '（还剩 ' : ' (in ') + span + (zh ? '）' : ')') : (zh ? '（' + body.dataset.overdue + ' ' : ' (' + body.dataset.overdue + ' ') + span + (zh ? '）' : ')'));
    });
  }

  // Offline actions: each form post gets a key once; what cannot be sent now waits in localStorage and is sent,
  // oldest first, when the browser is online again. The service answers a key it has seen as done, so a post that
  // reached it before the network dropped is not applied twice.
  const QUEUE = 'planlang.queue';
  const queued = () => JSON.parse(localStorage.getItem(QUEUE) || '[]');
  const save = (items) => localStorage.setItem(QUEUE, JSON.stringify(items));
  const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));

  async function send(item) {
    const data = new URLSearchParams(item.fields);
    const response = await fetch(item.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-PlanLang-Console': '1' } });
    return response;
  }

  let flushing = false;
  async function flush() {
    if (!navigator.onLine || flushing) return;
    flushing = true;
    try { await flushQueue(); } finally { flushing = false; }
  }

  async function flushQueue() {
    let items = queued();
    while (items.length) {
      const item = items[0];
      let response;
      try { response = await send(item); } catch { return; }
      items = queued().filter((i) => i.key !== item.key);
      save(items);
      if (!response.ok && response.status !== 204) {
        const problem = await response.json().catch(() => null);
        if (problem) alert((problem.title || '') + (problem.detail ? '：' + problem.detail : ''));
      }
    }
    showQueued();
    refresh();
  }

  function showQueued() {
    const keys = new Set(queued().map((i) => i.form));
    document.querySelectorAll('form[data-queue]').forEach((form) => {
      const pending = form.querySelector('.queued');
      if (pending) pending.hidden = !keys.has(target(form));
    });
  }

  function bind() {
    document.querySelectorAll('form[data-queue]').forEach((form) => {
      if (form.dataset.bound) return;
      form.dataset.bound = '1';
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const fields = Array.from(new FormData(form, event.submitter).entries());
        const key = newKey();
        const item = { key, form: target(form), action: target(form), fields: fields.map(([k, v]) => [k, k === 'key' ? key : v]) };
        if (!fields.some(([k]) => k === 'key')) item.fields.push(['key', key]);
        save([...queued(), item]);
        showQueued();
        await flush();
      });
    });
  }

  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', () => {
    bind();
    showQueued();
    listen();
    tick();
    setInterval(tick, 1000);
    flush();
  });
})();
