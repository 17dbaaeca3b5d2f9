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

// Rows a person adds and removes in a form (protocol stages):
// <button data-add-row="#template" data-rows="#container"> appends the template's content, with every "NEWROW" in its
// field names and ids replaced by the container's next row number (data-next-row); <button data-remove-row=".row">
// removes the enclosing row. Row numbers only name the fields: the server takes rows in the order of their numbers.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    if (add) {
      var template = document.querySelector(add.dataset.addRow);
      var rows = document.querySelector(add.dataset.rows);
      if (!template || !rows) { return; }
      var no = Number(rows.dataset.nextRow || rows.children.length);
      rows.dataset.nextRow = String(no + 1);
      var row = template.content.firstElementChild.cloneNode(true);
      row.querySelectorAll('[name], [id], [for]').forEach(function (el) {
        ['name', 'id', 'for'].forEach(function (attr) {
          if (el.hasAttribute(attr)) { el.setAttribute(attr, el.getAttribute(attr).replace('NEWROW', String(no))); }
        });
      });
      row.dataset.row = String(no);
      rows.appendChild(row);
      return;
    }
    var remove = event.target.closest('[data-remove-row]');
    if (remove) {
      var target = remove.closest(remove.dataset.removeRow);
      if (target) { target.remove(); }
    }
  });
})();

// <table class="gg-cards">: on a phone each row is drawn as a card; every cell is labelled with its column's header.
(function () {
  'use strict';
  function label(root) {
    root.querySelectorAll('table.gg-cards').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll(':scope > thead > tr:first-child > th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll(':scope > tbody > tr').forEach(function (tr) {
        var column = 0;
        Array.prototype.forEach.call(tr.children, function (td) {
          if (!td.hasAttribute('data-label') && heads[column]) { td.setAttribute('data-label', heads[column]); }
          column += td.colSpan || 1;
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSwap', function (event) { label(event.target.ownerDocument || document); });
})();
