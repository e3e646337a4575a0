/* Refreshes the territory list of a picker form when its level changes (from /api/v1/territoires). */
(function () {
  'use strict';

  function libelle(t) {
    return t.code === 'FR' ? t.nom : t.code + ' – ' + t.nom;
  }

  document.querySelectorAll('form[data-selectors]').forEach(function (formulaire) {
    var niveau = formulaire.querySelector('[data-level]');
    var territoire = formulaire.querySelector('[data-territoire]');
    niveau.addEventListener('change', function () {
      territoire.disabled = true;
      fetch('/api/v1/territoires?niveau=' + encodeURIComponent(niveau.value))
        .then(function (reponse) {
          if (!reponse.ok) {
            throw new Error('territoires : ' + reponse.status);
          }
          return reponse.json();
        })
        .then(function (liste) {
          territoire.replaceChildren.apply(territoire, liste.map(function (t) { return new Option(libelle(t), t.code); }));
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
