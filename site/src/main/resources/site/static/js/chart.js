/*
 * Draws a rapport's chart with ECharts from the table embedded in the page
 * (<script id="rapport-data">, the same document as the JSON API). That table is
 * already protected: a masked figure is null and is drawn as a gap, never as a value.
 * Chart type from the rapport's metadata (data-chart): bar, stacked-bar, line, pie.
 */
(function () {
  'use strict';

  var COLORS = ['#000091', '#6a6af4', '#009081', '#c3992a', '#ce614a', '#7d4e5b', '#417dc4'];

  var area = document.getElementById('chart');
  var source = document.getElementById('rapport-data');
  if (!area || !source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var type = area.dataset.chart || 'bar';
  var labelKey = data.colonnes[0].cle;
  var categories = data.lignes.map(function (l) { return String(l[labelKey]); });

  /* The counts drawn: the main one (second column) for bar and pie, its parts for stacked-bar, every count for line. */
  function drawnColumns() {
    var main = data.colonnes[1];
    var counts = data.colonnes.filter(function (c) { return c.type === 'EFFECTIF'; });
    if (type === 'line') {
      return counts.length ? counts : [main];
    }
    if (type === 'stacked-bar') {
      var parts = counts.filter(function (c) { return c.cle !== main.cle; });
      return parts.length >= 2 ? parts : [main];
    }
    return [main];
  }

  function values(column) {
    return data.lignes.map(function (l) {
      var v = l[column.cle];
      return v === null || v === undefined ? '-' : v;
    });
  }

  function inFrench(v) {
    return v === null || v === undefined || v === '-' ? 's (secret statistique)' : Number(v).toLocaleString('fr-FR');
  }

  function pieOptions(column) {
    var slices = data.lignes
      .filter(function (l) { return l[column.cle] !== null && l[column.cle] !== 0; })
      .map(function (l) { return { name: String(l[labelKey]), value: l[column.cle] }; });
    return {
      tooltip: { trigger: 'item', valueFormatter: inFrench },
      series: [{ type: 'pie', name: column.libelle, radius: ['35%', '70%'], data: slices, label: { formatter: '{b}' } }]
    };
  }

  function axisOptions(columns) {
    var horizontal = type !== 'line';
    var categoryAxis = {
      type: 'category', data: categories, inverse: horizontal,
      axisLabel: { width: horizontal ? 180 : 110, overflow: 'break', lineHeight: 15, interval: 0, rotate: horizontal ? 0 : 35 }
    };
    var allCounts = columns.every(function (c) { return c.type === 'EFFECTIF'; });
    var valueAxis = {
      type: 'value', minInterval: allCounts ? 1 : 0,
      axisLabel: { formatter: function (v) { return v.toLocaleString('fr-FR'); } }
    };
    return {
      grid: { left: horizontal ? 190 : 60, right: 30, top: columns.length > 1 ? 40 : 20, bottom: horizontal ? 40 : 90 },
      legend: columns.length > 1 ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: horizontal ? 'shadow' : 'line' }, valueFormatter: inFrench },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: columns.map(function (c) {
        return {
          name: c.libelle,
          type: horizontal ? 'bar' : 'line',
          stack: type === 'stacked-bar' ? 'total' : undefined,
          data: values(c),
          connectNulls: false,
          barMaxWidth: 28,
          symbolSize: 7
        };
      })
    };
  }

  /* Whether some value of those columns is shown and above 0: else the chart would be empty axes. */
  function anyDrawn(columns) {
    return columns.some(function (c) {
      return data.lignes.some(function (l) { return typeof l[c.cle] === 'number' && l[c.cle] > 0; });
    });
  }

  /* Whether some value of those columns is masked (null). */
  function anyMasked(columns) {
    return columns.some(function (c) {
      return data.lignes.some(function (l) { return l[c.cle] === null; });
    });
  }

  /* The height of a category of the horizontal axis: its label wraps at about 26 characters a line. */
  function categoryHeight(label, columns) {
    var lines = Math.ceil(label.length / 26);
    return Math.max(columns.length > 1 ? 44 : 36, lines * 16 + 14);
  }

  var columns = drawnColumns();
  if (!anyDrawn(columns)) {
    area.removeAttribute('role');
    area.removeAttribute('aria-label');
    area.classList.add('chart-empty');
    var caption = area.parentNode.querySelector('figcaption');
    if (caption) {
      caption.hidden = true; /* it speaks of what the chart leaves out */
    }
    area.textContent = anyMasked(columns)
      ? 'Pas de graphique : aucune valeur positive n\u2019est publiée pour ce territoire, les autres sont masquées (secret statistique).'
      : 'Pas de graphique : toutes les valeurs de ce tableau sont nulles.';
    return;
  }
  var options = type === 'pie' ? pieOptions(columns[0]) : axisOptions(columns);
  options.color = COLORS;
  options.animation = false;
  options.textStyle = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };

  if (type !== 'line' && type !== 'pie') {
    var height = categories.reduce(function (sum, label) { return sum + categoryHeight(label, columns); }, 0);
    area.style.height = Math.max(260, height + 80) + 'px';
  }
  var chart = echarts.init(area, null, { renderer: 'svg' });
  chart.setOption(options);
  window.addEventListener('resize', function () { chart.resize(); });
})();
