// Unit tests of the tracking snippet's queueing, consent and privacy logic: node --test lead-web/src/test/js
// (Node's own test runner; no packages to install). The browser test TrackingBrowserTest runs the same script for real.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const {create} = require('../../main/resources/static/t/leadline.js');

function environment(options = {}) {
  const sent = [];
  const beacons = [];
  const pending = [];
  let clock = 1000;
  const env = {
    site: 'site_abc',
    base: 'https://leadline.example',
    consentRequired: false,
    honourPrivacy: true,
    document: {cookie: options.cookie || '', referrer: 'https://search.example/', title: 'Home'},
    location: {href: 'https://www.example.com/?utm_source=newsletter&utm_campaign=fall', protocol: 'https:'},
    navigator: options.navigator || {},
    now: () => clock,
    random: Math.random,
    visible: () => true,
    sendBeacon: (url, body) => beacons.push({url, hit: JSON.parse(body)}),
    post: (url, body, done) => {
      sent.push({url, hit: JSON.parse(body)});
      pending.push(done);
    },
    ...options.env
  };
  // The cookie jar of a page: each write replaces that cookie, Max-Age=0 removes it.
  let jar = {};
  (options.cookie || '').split(/;\s*/).filter(Boolean).forEach(c => { const [k, v] = c.split('='); jar[k] = v; });
  Object.defineProperty(env.document, 'cookie', {
    get: () => Object.entries(jar).map(([k, v]) => k + '=' + v).join('; '),
    set: (text) => {
      const [pair, ...attributes] = text.split('; ');
      const [k, v] = pair.split('=');
      if (attributes.includes('Max-Age=0')) { delete jar[k]; } else { jar[k] = v; }
    }
  });
  return {env, sent, beacons, answer: (v) => pending.shift()(v ? {v} : null), tick: (ms) => { clock += ms; },
    jar: () => jar};
}

test('a page view is sent on start, with the page, its referrer and its campaign tags', () => {
  const t = environment();
  create(t.env).start();
  assert.strictEqual(t.sent.length, 1);
  const hit = t.sent[0].hit;
  assert.strictEqual(t.sent[0].url, 'https://leadline.example/t/site_abc/collect');
  assert.strictEqual(hit.k, 'page_view');
  assert.strictEqual(hit.url, 'https://www.example.com/?utm_source=newsletter&utm_campaign=fall');
  assert.strictEqual(hit.ref, 'https://search.example/');
  assert.strictEqual(hit.utm_source, 'newsletter');
  assert.strictEqual(hit.utm_campaign, 'fall');
  assert.strictEqual(hit.v, undefined, 'a new visitor has no signed id until Leadline gives one');
  assert.match(hit.pid, /^[a-z0-9]{24}$/, 'but a random one of its own at once');
});

test('the visitor id from the answer is kept in a first-party cookie and sent with every later hit', () => {
  const t = environment();
  const tracker = create(t.env);
  tracker.start();
  t.answer('site_abc.id1.sig');
  assert.strictEqual(decodeURIComponent(t.jar()._leadline_vid), 'site_abc.id1.sig');
  t.env.location.href = 'https://www.example.com/pricing';
  tracker.navigated();
  assert.strictEqual(t.sent[1].hit.v, 'site_abc.id1.sig');
  assert.strictEqual(t.sent[1].hit.ref, 'https://www.example.com/?utm_source=newsletter&utm_campaign=fall');
});

test('time on page goes by beacon when the page is hidden, with the random id until the signed one arrives', () => {
  const t = environment();
  const tracker = create(t.env);
  tracker.start();
  t.tick(5000);
  tracker.hidden();
  assert.strictEqual(t.beacons.length, 1);
  assert.strictEqual(t.beacons[0].hit.k, 'page_time');
  assert.strictEqual(t.beacons[0].hit.ms, 5000);
  assert.strictEqual(t.beacons[0].hit.pv, t.sent[0].hit.pv);
  assert.strictEqual(t.beacons[0].hit.pid, t.sent[0].hit.pid);
  t.answer('site_abc.id1.sig');
  tracker.shown();
  t.tick(2000);
  tracker.hidden();
  assert.strictEqual(t.beacons[1].hit.v, 'site_abc.id1.sig');
  assert.strictEqual(t.beacons[1].hit.ms, 2000);
});

test('a page left before the answer arrives keeps the same random id on the next page', () => {
  const first = environment();
  create(first.env).start();
  const pid = first.sent[0].hit.pid;
  const next = environment({cookie: '_leadline_vid=' + encodeURIComponent(first.jar()._leadline_vid ? decodeURIComponent(first.jar()._leadline_vid) : '')});
  create(next.env).start();
  assert.strictEqual(next.sent[0].hit.pid, pid);
});

test('with consent required, nothing is sent and no cookie is set until consent is given', () => {
  const t = environment({env: {consentRequired: true}});
  const tracker = create(t.env);
  tracker.start();
  tracker.call('track', 'webinar_signup');
  tracker.hidden();
  assert.strictEqual(t.sent.length, 0);
  assert.strictEqual(t.beacons.length, 0);
  assert.deepStrictEqual(t.jar(), {});
  tracker.call('consent', true);
  assert.strictEqual(t.sent.length, 1);
  assert.strictEqual(t.sent[0].hit.k, 'page_view');
  assert.strictEqual(t.jar()._leadline_consent, '1');
});

test('a withdrawn consent forgets the visitor and stops sending', () => {
  const t = environment({env: {consentRequired: true}, cookie: '_leadline_consent=1; _leadline_vid=site_abc.id1.sig'});
  const tracker = create(t.env);
  tracker.start();
  assert.strictEqual(t.sent.length, 1);
  tracker.call('consent', false);
  assert.deepStrictEqual(t.jar(), {});
  tracker.call('track', 'pricing_calculator');
  tracker.navigated();
  assert.strictEqual(t.sent.length, 1);
});

test('Global Privacy Control and Do-Not-Track turn tracking off when the site honours them', () => {
  for (const navigator of [{globalPrivacyControl: true}, {doNotTrack: '1'}]) {
    const t = environment({navigator});
    create(t.env).start();
    assert.strictEqual(t.sent.length, 0);
    const ignoring = environment({navigator, env: {honourPrivacy: false}});
    create(ignoring.env).start();
    assert.strictEqual(ignoring.sent.length, 1);
  }
});

test('identify and track carry the visitor; identify without a token sends nothing', () => {
  const t = environment();
  const tracker = create(t.env);
  tracker.start();
  t.answer('site_abc.id1.sig');
  tracker.call('identify', {email: 'ana@example.com', token: 'abc'});
  tracker.call('identify', {email: 'no-token@example.com'});
  tracker.call('track', 'webinar_signup');
  assert.deepStrictEqual(t.sent.slice(1).map(s => [s.hit.k, s.hit.v]), [['identify', 'site_abc.id1.sig'], ['event', 'site_abc.id1.sig']]);
  assert.strictEqual(t.sent[1].hit.email, 'ana@example.com');
  assert.strictEqual(t.sent[2].hit.e, 'webinar_signup');
});

test('the same address twice is one page view; a history navigation is another', () => {
  const t = environment();
  const tracker = create(t.env);
  tracker.start();
  tracker.navigated();
  assert.strictEqual(t.sent.length, 1);
  t.env.location.href = 'https://www.example.com/plans';
  tracker.navigated();
  assert.strictEqual(t.sent.length, 2);
  assert.notStrictEqual(t.sent[0].hit.pv, t.sent[1].hit.pv);
});

test('links to Leadline forms carry the visitor id, replacing an old one', () => {
  const t = environment();
  const rewritten = [];
  t.env.forEachFormLink = (prefix, rewrite) => {
    for (const url of ['https://leadline.example/forms/demo', 'https://leadline.example/forms/demo?utm_source=x&lv=old#top']) {
      rewritten.push(rewrite(url));
    }
  };
  create(t.env).start();
  t.answer('site_abc.id1.sig');
  assert.deepStrictEqual(rewritten, ['https://leadline.example/forms/demo?lv=site_abc.id1.sig',
    'https://leadline.example/forms/demo?utm_source=x&lv=site_abc.id1.sig#top']);
});
