/*
 * Leadline website tracking: first-party, no third-party code, no build step. Paste where the page ends:
 *   <script async src="https://LEADLINE/t/leadline.js" data-site="SITE_KEY"></script>
 * Optional: data-consent="required" (nothing is sent until leadline('consent', true)), data-privacy-signals="ignore".
 * API: leadline('consent', true|false), leadline('identify', {email, token}), leadline('track', 'event_key'),
 * leadline('page') after a navigation the script cannot see. Calls made before the script loads are queued by
 *   window.leadline = window.leadline || function () { (leadline.q = leadline.q || []).push(arguments); };
 * The visitor id cookie (_leadline_vid) lives on the site's own host for 395 days: a random id made here at once
 * (p:…), replaced by the id Leadline signs for it with the first answer. It names nobody until the visitor sends a
 * Leadline form or the site identifies them with a token from its server.
 */
(function (root) {
  'use strict';

  var VISITOR = '_leadline_vid';
  var CONSENT = '_leadline_consent';
  var LIFETIME_SECONDS = 395 * 24 * 3600;

  function create(env) {
    var stored = readCookie(VISITOR);
    var state = {started: false, visitor: stored && stored.indexOf('p:') !== 0 ? stored : null,
      provisional: stored && stored.indexOf('p:') === 0 ? stored.substring(2) : null, pageView: null, visibleSince: null,
      shown: 0, lastUrl: null, waiting: []};
    var consent = readCookie(CONSENT) === '1';

    function readCookie(name) {
      var parts = (env.document.cookie || '').split(/;\s*/);
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].indexOf(name + '=') === 0) {
          return decodeURIComponent(parts[i].substring(name.length + 1));
        }
      }
      return null;
    }

    function writeCookie(name, value, seconds) {
      var secure = env.location.protocol === 'https:' ? '; Secure' : '';
      env.document.cookie = name + '=' + encodeURIComponent(value) + '; Max-Age=' + seconds + '; Path=/; SameSite=Lax' + secure;
    }

    function privacySignal() {
      var nav = env.navigator || {};
      return nav.globalPrivacyControl === true || nav.doNotTrack === '1' || nav.doNotTrack === 'yes';
    }

    function allowed() {
      if (!env.site) {
        return false;
      }
      if (env.honourPrivacy && privacySignal()) {
        return false;
      }
      return !env.consentRequired || consent;
    }

    function endpoint() {
      return env.base + '/t/' + encodeURIComponent(env.site) + '/collect';
    }

    function send(hit, beacon) {
      if (!allowed()) {
        return;
      }
      if (state.visitor) {
        hit.v = state.visitor;
      } else {
        if (!state.provisional) {
          state.provisional = randomId(24);
          writeCookie(VISITOR, 'p:' + state.provisional, LIFETIME_SECONDS);
        }
        hit.pid = state.provisional;
      }
      if (env.consentRequired) {
        hit.c = 1;
      }
      var body = JSON.stringify(hit);
      if (beacon && env.sendBeacon) {
        env.sendBeacon(endpoint(), body);
        return;
      }
      env.post(endpoint(), body, function (answer) {
        if (answer && answer.v && answer.v !== state.visitor) {
          state.visitor = answer.v;
          writeCookie(VISITOR, answer.v, LIFETIME_SECONDS);
        }
        if (state.visitor) {
          var waiting = state.waiting;
          state.waiting = [];
          for (var i = 0; i < waiting.length; i++) {
            waiting[i]();
          }
        }
      });
    }

    /** Runs fn once the signed visitor id is known (it arrives with the answer to the first page view). */
    function withVisitor(fn) {
      if (state.visitor) {
        fn();
      } else {
        state.waiting.push(fn);
      }
    }

    function randomId(length) {
      var chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
      var id = '';
      for (var i = 0; i < (length || 16); i++) {
        id += chars.charAt(Math.floor(env.random() * chars.length));
      }
      return id;
    }

    function utm(url) {
      var found = {};
      var query = url.split('#')[0].split('?')[1] || '';
      query.split('&').forEach(function (pair) {
        var kv = pair.split('=');
        var key = decodeURIComponent(kv[0] || '');
        if (key === 'utm_source' || key === 'utm_medium' || key === 'utm_campaign') {
          found[key] = decodeURIComponent((kv[1] || '').replace(/\+/g, ' '));
        }
      });
      return found;
    }

    /** Sends the time the current page was in view since it was last reported. */
    function flushTime() {
      if (!state.pageView) {
        return;
      }
      var ms = state.shown + (state.visibleSince === null ? 0 : env.now() - state.visibleSince);
      state.shown = 0;
      state.visibleSince = env.visible() ? env.now() : null;
      if (ms >= 1000) {
        send({k: 'page_time', pv: state.pageView, ms: Math.round(ms)}, true);
      }
    }

    function pageView() {
      var url = env.location.href;
      if (url === state.lastUrl) {
        return;
      }
      flushTime();
      var referrer = state.lastUrl || env.document.referrer || '';
      state.lastUrl = url;
      state.pageView = randomId();
      state.shown = 0;
      state.visibleSince = env.visible() ? env.now() : null;
      var hit = {k: 'page_view', pv: state.pageView, url: url, title: env.document.title || '', ref: referrer};
      var tags = utm(url);
      for (var key in tags) {
        hit[key] = tags[key];
      }
      send(hit, false);
      withVisitor(decorate);
    }

    /** Links and frames to Leadline's public forms carry the visitor, so the form can attach this visit to the lead. */
    function decorate() {
      if (!env.forEachFormLink || !state.visitor) {
        return;
      }
      env.forEachFormLink(env.base + '/forms/', function (url) {
        var hashAt = url.indexOf('#');
        var hash = hashAt >= 0 ? url.substring(hashAt) : '';
        var path = hashAt >= 0 ? url.substring(0, hashAt) : url;
        var queryAt = path.indexOf('?');
        var query = queryAt >= 0 ? path.substring(queryAt + 1).split('&').filter(function (pair) {
          return pair && pair.indexOf('lv=') !== 0;
        }) : [];
        query.push('lv=' + encodeURIComponent(state.visitor));
        return (queryAt >= 0 ? path.substring(0, queryAt) : path) + '?' + query.join('&') + hash;
      });
    }

    function start() {
      if (state.started || !allowed()) {
        return;
      }
      state.started = true;
      pageView();
    }

    var commands = {
      consent: function (given) {
        consent = given === true;
        if (consent) {
          writeCookie(CONSENT, '1', LIFETIME_SECONDS);
          start();
        } else {
          writeCookie(CONSENT, '', 0);
          writeCookie(VISITOR, '', 0);
          state.visitor = null;
          state.provisional = null;
          state.started = false;
          state.pageView = null;
          state.lastUrl = null;
        }
      },
      identify: function (who) {
        if (who && who.email && who.token) {
          send({k: 'identify', email: String(who.email), token: String(who.token)}, false);
        }
      },
      track: function (key) {
        if (key) {
          send({k: 'event', e: String(key), url: env.location.href}, false);
        }
      },
      page: function () {
        if (state.started) {
          pageView();
        }
      }
    };

    return {
      call: function (name) {
        var command = commands[name];
        if (command) {
          command.apply(null, Array.prototype.slice.call(arguments, 1));
        }
      },
      start: start,
      hidden: flushTime,
      shown: function () {
        if (state.visibleSince === null) {
          state.visibleSince = env.now();
        }
      },
      navigated: function () {
        if (state.started) {
          pageView();
        }
      },
      state: state
    };
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = {create: create};
    return;
  }

  var window = root;
  var document = window.document;
  var script = document.currentScript;
  if (!script || window.__leadlineTracker) {
    return;
  }
  var queued = (window.leadline && window.leadline.q) || [];
  var tracker = create({
    site: script.getAttribute('data-site'),
    base: script.src.replace(/\/t\/leadline\.js([?#].*)?$/, ''),
    consentRequired: script.getAttribute('data-consent') === 'required',
    honourPrivacy: script.getAttribute('data-privacy-signals') !== 'ignore',
    document: document,
    location: window.location,
    navigator: window.navigator,
    now: function () { return Date.now(); },
    // The random visitor id stands for the visitor until the signed one arrives: from the browser's strong source.
    random: window.crypto && window.crypto.getRandomValues ? function () {
      return window.crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296;
    } : Math.random,
    visible: function () { return document.visibilityState !== 'hidden'; },
    sendBeacon: window.navigator.sendBeacon ? function (url, body) {
      window.navigator.sendBeacon(url, new Blob([body], {type: 'text/plain'}));
    } : null,
    post: function (url, body, done) {
      if (!window.fetch) {
        return;
      }
      window.fetch(url, {method: 'POST', body: body, credentials: 'omit', keepalive: true, mode: 'cors',
        headers: {'Content-Type': 'text/plain'}})
        .then(function (r) { return r.status === 200 ? r.json() : null; })
        .then(done, function () { done(null); });
    },
    forEachFormLink: function (prefix, rewrite) {
      var links = document.querySelectorAll('a[href], iframe[src]');
      for (var i = 0; i < links.length; i++) {
        var attribute = links[i].tagName === 'IFRAME' ? 'src' : 'href';
        var url = links[i][attribute];
        if (typeof url === 'string' && url.indexOf(prefix) === 0) {
          var next = rewrite(url);
          if (next !== url) {
            links[i].setAttribute(attribute, next);
          }
        }
      }
    }
  });
  window.__leadlineTracker = tracker;
  window.leadline = function () {
    tracker.call.apply(null, arguments);
  };
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      tracker.hidden();
    } else {
      tracker.shown();
    }
  });
  window.addEventListener('pagehide', tracker.hidden);
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = window.history[name];
    window.history[name] = function () {
      var result = original.apply(this, arguments);
      tracker.navigated();
      return result;
    };
  });
  window.addEventListener('popstate', tracker.navigated);
  tracker.start();
  for (var i = 0; i < queued.length; i++) {
    tracker.call.apply(null, queued[i]);
  }
})(typeof window !== 'undefined' ? window : this);
