// GridGuard page behaviour. No inline scripts are allowed by the Content-Security-Policy, so pages declare
// behaviour with data attributes and this file wires it up.
(function () {
  'use strict';

  // <form data-confirm="question"> asks before submitting.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // <select data-autosubmit> submits its form when changed.
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) {
      el.form.requestSubmit();
    }
  });

  // <button data-copy="#selector"> copies the text of an element.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.querySelector(button.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim());
      button.classList.add('btn-success');
    }
  });

  // <span class="gg-countdown" data-deadline="epoch millis"> counts down to a deadline, and turns red when it passes.
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.gg-countdown[data-deadline]').forEach(function (el) {
      var left = Math.round((Number(el.dataset.deadline) - now) / 1000);
      var sign = left < 0 ? '-' : '';
      var s = Math.abs(left);
      var text = sign + (s >= 3600 ? Math.floor(s / 3600) + ':' : '') + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
      el.textContent = text;
      el.classList.toggle('text-danger', left < 0);
      el.classList.toggle('text-warning', left >= 0 && left < 1800);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
