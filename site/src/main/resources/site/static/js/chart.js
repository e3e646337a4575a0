/*
 * Draws a rapport's chart with ECharts from the table embedded in the page
 * (<script id="rapport-data">, the same document as the JSON API). That table is
 * already protected: a masked figure is null and is drawn as a gap, never as a value.
 * Chart type from the rapport's metadata (data-chart): bar, stacked-bar, line, pie.
 */
(function () {
  'use strict';

  var COULEURS = ['#000091', '#6a6af4', '#009081', '#c3992a', '#ce614a', '#7d4e5b', '#417dc4'];

  var zone = document.getElementById('chart');
  var source = document.getElementById('rapport-data');
  if (!zone || !source || typeof echarts === 'undefined') {
    return;
  }
  var donnees = JSON.parse(source.textContent);
  var type = zone.dataset.chart || 'bar';
  var libelle = donnees.colonnes[0].cle;
  var categories = donnees.lignes.map(function (l) { return String(l[libelle]); });

  /* The counts drawn: the main one (second column) for bar and pie, its parts for stacked-bar, every count for line. */
  function colonnesTracees() {
    var principale = donnees.colonnes[1];
    var effectifs = donnees.colonnes.filter(function (c) { return c.type === 'EFFECTIF'; });
    if (type === 'line') {
      return effectifs.length ? effectifs : [principale];
    }
    if (type === 'stacked-bar') {
      var parties = effectifs.filter(function (c) { return c.cle !== principale.cle; });
      return parties.length >= 2 ? parties : [principale];
    }
    return [principale];
  }

  function valeurs(colonne) {
    return donnees.lignes.map(function (l) {
      var v = l[colonne.cle];
      return v === null || v === undefined ? '-' : v;
    });
  }

  function enFrancais(v) {
    return v === null || v === undefined || v === '-' ? 's (secret statistique)' : Number(v).toLocaleString('fr-FR');
  }

  function optionsCamembert(colonne) {
    var parts = donnees.lignes
      .filter(function (l) { return l[colonne.cle] !== null && l[colonne.cle] !== 0; })
      .map(function (l) { return { name: String(l[libelle]), value: l[colonne.cle] }; });
    return {
      tooltip: { trigger: 'item', valueFormatter: enFrancais },
      series: [{ type: 'pie', name: colonne.libelle, radius: ['35%', '70%'], data: parts, label: { formatter: '{b}' } }]
    };
  }

  function optionsAxes(colonnes) {
    var horizontal = type !== 'line';
    var axeCategories = {
      type: 'category', data: categories, inverse: horizontal,
      axisLabel: { width: horizontal ? 180 : 110, overflow: 'break', interval: 0, rotate: horizontal ? 0 : 35 }
    };
    var comptages = colonnes.every(function (c) { return c.type === 'EFFECTIF'; });
    var axeValeurs = {
      type: 'value', minInterval: comptages ? 1 : 0,
      axisLabel: { formatter: function (v) { return v.toLocaleString('fr-FR'); } }
    };
    return {
      grid: { left: horizontal ? 190 : 60, right: 30, top: colonnes.length > 1 ? 40 : 20, bottom: horizontal ? 40 : 90 },
      legend: colonnes.length > 1 ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: horizontal ? 'shadow' : 'line' }, valueFormatter: enFrancais },
      xAxis: horizontal ? axeValeurs : axeCategories,
      yAxis: horizontal ? axeCategories : axeValeurs,
      series: colonnes.map(function (c) {
        return {
          name: c.libelle,
          type: horizontal ? 'bar' : 'line',
          stack: type === 'stacked-bar' ? 'total' : undefined,
          data: valeurs(c),
          connectNulls: false,
          barMaxWidth: 28,
          symbolSize: 7
        };
      })
    };
  }

  var colonnes = colonnesTracees();
  var options = type === 'pie' ? optionsCamembert(colonnes[0]) : optionsAxes(colonnes);
  options.color = COULEURS;
  options.animation = false;
  options.textStyle = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };

  if (type !== 'line' && type !== 'pie') {
    zone.style.height = Math.max(260, categories.length * (colonnes.length > 1 ? 44 : 36) + 80) + 'px';
  }
  var graphique = echarts.init(zone, null, { renderer: 'svg' });
  graphique.setOption(options);
  window.addEventListener('resize', function () { graphique.resize(); });
})();
