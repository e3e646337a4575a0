/* Refreshes the territory list of a picker form when its level changes (from /api/v1/territoires). */
(function () {
  'use strict';

  function label(t) {
    return t.code === 'FR' ? t.nom : t.code + ' – ' + t.nom;
  }

  document.querySelectorAll('form[data-selectors]').forEach(function (form) {
    var level = form.querySelector('[data-level]');
    var territoire = form.querySelector('[data-territoire]');
    level.addEventListener('change', function () {
      territoire.disabled = true;
      fetch('/api/v1/territoires?niveau=' + encodeURIComponent(level.value))
        .then(function (response) {
          if (!response.ok) {
            throw new Error('territoires : ' + response.status);
          }
          return response.json();
        })
        .then(function (list) {
          territoire.replaceChildren.apply(territoire, list.map(function (t) { return new Option(label(t), t.code); }));
        })
        .catch(function () {
          territoire.replaceChildren();
        })
        .finally(function () {
          territoire.disabled = false;
        });
    });
  });
})();
