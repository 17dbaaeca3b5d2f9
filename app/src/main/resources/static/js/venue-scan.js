// The visitor scan page and the desk's entrance screen. No inline scripts are allowed by the Content-Security-Policy,
// so the page declares what it needs in data attributes. The visitor's own details and their companions are kept
// on this device only (localStorage), so that the next scan is one tap.
(function () {
  'use strict';

  var VISITOR = 'gridguard.venue.visitor';
  var COMPANIONS = 'gridguard.venue.companions';

  // Every [data-live-clock] ticks each second: a screenshot shows a frozen time.
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var now = new Date();
    var text = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()) + ' ' +
      pad(now.getHours()) + ':' + pad(now.getMinutes()) + ':' + pad(now.getSeconds());
    document.querySelectorAll('[data-live-clock]').forEach(function (el) { el.textContent = text; });
  }
  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);

  function load(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: nothing remembered */ }
  }
  function maskName(name) {
    var chars = Array.from(name || '');
    if (chars.length <= 2) { return (chars[0] || '') + '*'; }
    return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
  }
  function maskId(id) {
    return id && id.length > 10 ? id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4) : id;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.getElementById('scan-form-section');
    if (!section) { return; }
    var form = document.getElementById('scan-form');
    var fields = document.getElementById('visitor-fields');
    var remembered = document.getElementById('remembered');
    var errorBox = document.getElementById('scan-error');
    var companionList = document.getElementById('companion-list');
    var visitor = load(VISITOR, null);
    var companions = load(COMPANIONS, []);

    function showVisitor() {
      if (visitor && visitor.idNumber) {
        remembered.hidden = false;
        fields.hidden = true;
        document.getElementById('remembered-name').textContent = maskName(visitor.name);
        document.getElementById('remembered-id').textContent = maskId(visitor.idNumber);
      } else {
        remembered.hidden = true;
        fields.hidden = false;
      }
    }

    function showCompanions() {
      companionList.textContent = '';
      companions.forEach(function (c, i) {
        var label = document.createElement('label');
        label.className = 'form-check d-flex align-items-center gap-2';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'form-check-input';
        box.dataset.companion = String(i);
        box.id = 'companion-' + i;
        var text = document.createElement('span');
        text.textContent = maskName(c.name) + ' ' + maskId(c.idNumber);
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn btn-link btn-sm ms-auto p-0';
        remove.textContent = '×';
        remove.addEventListener('click', function () {
          companions.splice(i, 1);
          save(COMPANIONS, companions);
          showCompanions();
        });
        label.append(box, text, remove);
        companionList.appendChild(label);
      });
    }

    document.getElementById('forget').addEventListener('click', function () {
      if (visitor) {
        form.elements.name.value = visitor.name || '';
        form.elements.idNumber.value = visitor.idNumber || '';
        form.elements.phone.value = visitor.phone || '';
      }
      visitor = null;
      showVisitor();
    });
    document.getElementById('add-companion').addEventListener('click', function () {
      document.getElementById('companion-new').hidden = false;
      document.getElementById('companion-name').focus();
    });
    document.getElementById('companion-save').addEventListener('click', function () {
      var name = document.getElementById('companion-name').value.trim();
      var id = document.getElementById('companion-id').value.trim();
      if (!name || !id) {
        setError('companions', section.dataset.companionMissing);
        return;
      }
      companions.push({ name: name, idNumber: id });
      save(COMPANIONS, companions);
      document.getElementById('companion-name').value = '';
      document.getElementById('companion-id').value = '';
      document.getElementById('companion-new').hidden = true;
      showCompanions();
      var boxes = companionList.querySelectorAll('input[type=checkbox]');
      if (boxes.length) { boxes[boxes.length - 1].checked = true; }
    });

    function clearErrors() {
      errorBox.hidden = true;
      form.querySelectorAll('.is-invalid').forEach(function (el) { el.classList.remove('is-invalid'); });
      form.querySelectorAll('[data-error-for]').forEach(function (el) { el.textContent = ''; });
    }
    function setError(field, message) {
      var key = field.indexOf('companions') === 0 ? 'companions' : field;
      var slot = form.querySelector('[data-error-for="' + key + '"]');
      var input = form.elements[key];
      if (slot && (key === 'companions' || !fields.hidden)) {
        slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + message;
        if (input && input.classList) { input.classList.add('is-invalid'); }
      } else {
        errorBox.hidden = false;
        errorBox.textContent = (errorBox.textContent && !errorBox.hidden ? errorBox.textContent + ' ' : '') + message;
      }
    }

    function render(result) {
      var screens = document.getElementById('screens');
      var template = document.getElementById('screen-template');
      screens.textContent = '';
      result.entries.forEach(function (entry) {
        var screen = template.content.firstElementChild.cloneNode(true);
        // companions come without a colour: only whether they may enter
        var shown = entry.colour || (entry.admitted ? 'ADMIT' : 'REFUSE');
        screen.classList.add('venue-screen-' + shown);
        screen.querySelector('[data-field=verdict]').textContent = section.dataset['verdict' + shown.charAt(0) + shown.slice(1).toLowerCase()];
        screen.querySelector('[data-field=name]').textContent = entry.nameMasked;
        screen.querySelector('[data-field=id]').textContent = entry.idMasked;
        screen.querySelector('[data-field=venue]').textContent = result.venueName;
        screen.querySelector('[data-field=refusal]').textContent = entry.refusal || '';
        screen.querySelector('[data-field=star]').textContent = result.star ? section.dataset.star.replace('{0}', result.riskArea || '') : '';
        screens.appendChild(screen);
      });
      tick();
      section.hidden = true;
      document.getElementById('scan-result').hidden = false;
      window.scrollTo(0, 0);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      var me = visitor && fields.hidden ? visitor : {
        name: form.elements.name.value.trim(),
        idNumber: form.elements.idNumber.value.trim(),
        phone: form.elements.phone.value.trim()
      };
      var chosen = [];
      companionList.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) {
        var c = companions[Number(box.dataset.companion)];
        if (c) { chosen.push({ name: c.name, idNumber: c.idNumber }); }
      });
      var area = form.elements.riskArea.value;
      var body = { name: me.name, idNumber: me.idNumber, phone: me.phone, companions: chosen, riskArea: area ? Number(area) : null };
      var button = document.getElementById('scan-submit');
      button.disabled = true;
      fetch(section.dataset.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json',
          'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'zh-CN' },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.ok) {
            visitor = me;
            save(VISITOR, me);
            render(json);
          } else if (json.errors && json.errors.length) {
            if (visitor && fields.hidden) {
              // the remembered details were refused: show them for correction
              document.getElementById('forget').click();
            }
            json.errors.forEach(function (e) { setError(e.field, e.message); });
          } else {
            errorBox.hidden = false;
            errorBox.textContent = section.dataset.failed;
          }
        });
      }).catch(function () {
        errorBox.hidden = false;
        errorBox.textContent = section.dataset.failed;
      }).finally(function () {
        button.disabled = false;
      });
    });

    document.getElementById('scan-again').addEventListener('click', function () {
      document.getElementById('scan-result').hidden = true;
      section.hidden = false;
      showVisitor();
    });

    showVisitor();
    showCompanions();
  });
})();
