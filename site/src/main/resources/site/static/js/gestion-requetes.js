/*
 * The requêtes' builder (gestion-requetes.html): what the population chosen excludes is greyed out and not sent —
 * the date or the period, and the dimensions its demandes do not hold (data-populations). Without this script the
 * form still works: the server names what does not apply.
 */
(function () {
  'use strict';

  var form = document.getElementById('requete-form');
  if (!form) {
    return;
  }

  function population() {
    var checked = form.querySelector('input[name="population"]:checked');
    return checked ? checked.value : 'en-cours';
  }

  function applies(element, p) {
    return (element.getAttribute('data-populations') || '').split(' ').indexOf(p) >= 0;
  }

  function update() {
    var p = population();
    form.querySelectorAll('[data-population]').forEach(function (field) {
      var on = field.getAttribute('data-population') === p;
      field.hidden = !on;
      field.querySelectorAll('input').forEach(function (input) { input.disabled = !on; });
    });
    form.querySelectorAll('select[name="dimension"]').forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value === '') {
          return;
        }
        option.disabled = !applies(option, p);
        if (option.disabled && option.selected) {
          option.selected = false;
        }
      });
    });
    form.querySelectorAll('.filters details').forEach(function (details) {
      var on = applies(details, p);
      details.hidden = !on;
      details.querySelectorAll('input').forEach(function (input) { input.disabled = !on; });
    });
  }

  form.querySelectorAll('input[name="population"]').forEach(function (radio) {
    radio.addEventListener('change', update);
  });
  update();
})();
