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
})();
