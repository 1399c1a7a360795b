// Trẻ An's service worker (issue 11, item 4): the task list and the task pages a person opened, for use without a
// connection. Served as /sw.js (OfflinePages); registered by /js/offline.js with the scope /tasks (the list and the
// task pages, nothing else) and only for the roles whose task pages may be kept. It keeps a page only when the server says so: a 200 answer that carries
// X-Offline-User (whose it is) and no "no-store" — every other page of the site is no-store and never kept. One
// person's pages at a time: a page of another user deletes the previous one's; a sign-in page (the session ended or
// the person signed out) deletes them all. A kept page older than X-Offline-Max-Age is deleted rather than shown.
// Only GET is handled: forms are sent by the page (the unsent ones wait in the page's outbox), never replayed here.
'use strict';

const PAGES = 'trean-pages-';
const ASSETS = 'trean-assets';
const KEPT_AT = 'X-Kept-At';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

const sameSite = url => url.origin === self.location.origin;
const isTaskPage = url => sameSite(url) && /^\/tasks(\/[^/]+)?$/.test(url.pathname);
// the pages' scripts and styles carry a content hash in their URL: a kept copy is always the right one
const isAsset = url => sameSite(url) && /^\/(js|css)\/.+-[0-9a-f]{32}\.(js|css)$/.test(url.pathname);

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (isTaskPage(url)) {
    event.respondWith(page(request));
  } else if (isAsset(url)) {
    event.respondWith(asset(request));
  }
});

async function page(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const kept = await keptPage(request);
    return kept || Response.error();
  }
  await keep(request, response.clone());
  return response;
}

async function keep(request, response) {
  const user = response.headers.get('X-Offline-User');
  const cacheControl = response.headers.get('Cache-Control') || '';
  if (response.type === 'opaqueredirect' || response.redirected) {
    await forget(null);
    return;
  }
  if (response.status !== 200 || !user || /no-store/.test(cacheControl)) {
    if (response.status === 200) {
      await forget(null);
    }
    return;
  }
  await forget(user);
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  const body = await response.blob();
  const cache = await caches.open(PAGES + user);
  await cache.put(request.url, new Response(body, { status: 200, statusText: response.statusText, headers }));
}

async function keptPage(request) {
  const names = (await caches.keys()).filter(name => name.startsWith(PAGES));
  for (const name of names) {
    const cache = await caches.open(name);
    // the task list with other filters than the kept one: the kept one rather than nothing
    const kept = (await cache.match(request.url)) || (await cache.match(request.url, { ignoreSearch: true }));
    if (kept) {
      const maxAgeMs = Number(kept.headers.get('X-Offline-Max-Age') || 0) * 1000;
      if (Date.now() - Number(kept.headers.get(KEPT_AT) || 0) <= maxAgeMs) {
        return kept;
      }
      await cache.delete(request.url);
    }
  }
  return null;
}

/** Deletes the kept pages of everyone but {@code user} (null: of everyone). */
async function forget(user) {
  const names = await caches.keys();
  await Promise.all(names.filter(name => name.startsWith(PAGES) && name !== PAGES + user)
    .map(name => caches.delete(name)));
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}
