// Small page behaviours, served from our own origin (the CSP allows no inline script). Every page works without it.
(function () {
  'use strict';

  // The browser's time zone, for pages of users who chose no zone of their own (UserLocales reads the cookie).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split('; ').some(function (c) { return c === 'leadline_tz=' + zone; })) {
      document.cookie = 'leadline_tz=' + zone + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) {
    // no Intl: pages stay in UTC
  }

  // A form whose action cannot be taken back asks first: <form data-confirm="Deactivate rita?">; or only one of its
  // buttons does: <button data-confirm="…">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute && button.getAttribute('data-confirm'))
        || (form.getAttribute && form.getAttribute('data-confirm'));
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A copy button: <button type="button" data-copy="token-id">Copy</button> copies the element's text.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = button.getAttribute('data-copied') || 'Copied';
      var status = document.getElementById(button.getAttribute('data-copy') + '-status');
      if (status) {
        status.textContent = status.getAttribute('data-copied') || 'Copied to the clipboard.';
      }
    });
  });

  // After a refused form, the first field at fault takes the focus (a screen reader reads its message).
  document.addEventListener('DOMContentLoaded', function () {
    var invalid = document.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    var refusal = document.querySelector('.flash.error');
    if (refusal) {
      refusal.setAttribute('tabindex', '-1');
      refusal.focus();
    }
  });

  // The new-lead form says, while a person types, which stored leads the one being entered may be:
  // <form data-duplicate-check="/leads/duplicates/check"> with a <div id="duplicate-hint" hidden> inside.
  var checked = document.querySelector('form[data-duplicate-check]');
  var hint = document.getElementById('duplicate-hint');
  if (checked && hint && window.fetch) {
    var last = '';
    var ask = function () {
      var params = new URLSearchParams();
      ['email', 'fullName', 'company'].forEach(function (name) {
        var field = checked.elements[name];
        params.set(name, field ? field.value.trim() : '');
      });
      var phone = checked.querySelector('input[name="attributes[phone]"]');
      params.set('phone', phone ? phone.value.trim() : '');
      var query = params.toString();
      if (query === last) {
        return;
      }
      last = query;
      fetch(checked.getAttribute('data-duplicate-check') + '?' + query, {headers: {'Accept': 'application/json'}})
        .then(function (answer) { return answer.ok ? answer.json() : []; })
        .then(function (leads) {
          hint.textContent = '';
          hint.hidden = leads.length === 0;
          if (leads.length === 0) {
            return;
          }
          var title = document.createElement('p');
          title.textContent = hint.getAttribute(leads.length === 1 ? 'data-one' : 'data-several')
              || (leads.length === 1 ? 'This may be a lead you have already:' : 'This may be one of these leads:');
          hint.appendChild(title);
          var list = document.createElement('ul');
          leads.forEach(function (lead) {
            var item = document.createElement('li');
            var link = document.createElement('a');
            link.href = lead.url;
            link.textContent = lead.name;
            item.appendChild(link);
            var likely = (hint.getAttribute('data-likely') || '{0} % likely').replace('{0}', lead.percent);
            item.appendChild(document.createTextNode(' — ' + likely + ' (' + lead.reasons.join(', ') + ')'));
            list.appendChild(item);
          });
          hint.appendChild(list);
        })
        .catch(function () { hint.hidden = true; });
    };
    checked.addEventListener('change', ask);
  }
}());
