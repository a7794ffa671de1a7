// Small page behaviours, served from our own origin (the CSP allows no inline script). Every page works without it.
(function () {
  'use strict';

  // A form whose action cannot be taken back asks first: <form data-confirm="Deactivate rita?">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
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
      button.textContent = 'Copied';
      var status = document.getElementById(button.getAttribute('data-copy') + '-status');
      if (status) {
        status.textContent = 'Copied to the clipboard.';
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
}());
