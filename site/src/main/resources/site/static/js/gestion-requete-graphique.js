/*
 * Draws a requête's chart with ECharts from its result embedded in the page (<script id="requete-donnees">, the
 * document of /api/v1/gestion/requetes/resultat): horizontal bars, one per category of the first dimension,
 * stacked by the categories of the second (data-chart="stacked-bar").
 */
(function () {
  'use strict';

  var COLORS = ['#000091', '#6a6af4', '#009081', '#c3992a', '#ce614a', '#7d4e5b', '#417dc4', '#a558a0', '#68a532',
    '#e4794a', '#8585f6', '#3a3a3a'];

  var area = document.getElementById('chart');
  var source = document.getElementById('requete-donnees');
  if (!area || !source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var stacked = area.getAttribute('data-chart') === 'stacked-bar';
  var categories = data.lignes.map(function (l) { return l.libelle; });
  var series = data.colonnes.map(function (c, j) {
    return {
      name: c.libelle,
      type: 'bar',
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 28,
      data: data.lignes.map(function (l) { return l.effectifs[j]; })
    };
  });

  function inFrench(v) {
    return Number(v).toLocaleString('fr-FR');
  }

  area.style.height = Math.max(260, categories.length * 36 + (stacked ? 120 : 80)) + 'px';
  var chart = echarts.init(area, null, { renderer: 'svg' });
  chart.setOption({
    color: COLORS,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
    grid: { left: 200, right: 30, top: stacked ? 70 : 20, bottom: 40 },
    legend: stacked ? { top: 0, type: 'scroll' } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: inFrench },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: inFrench } },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 190, overflow: 'break', interval: 0 } },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
