/*
 * Rapport 06, a guichet's months (espace gestionnaire): one ECharts line chart per indicator, from the document
 * embedded in the page (<script id="evolution-data">, the same as /api/v1/gestion/guichets/{guichet}/evolution).
 * The guichet's line; for a rate or a mean, its département's (reference) dashed beside it; a month outside its
 * threshold drawn as a red triangle and named in the tooltip. A figure that does not exist (a rate over no unit)
 * is a gap.
 */
(function () {
  'use strict';

  var BLUE = '#000091';
  var GREY = '#7a7a7a';
  var RED = '#ce0500';

  var source = document.getElementById('evolution-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var months = data.mois.map(function (m) { return m.libelle + (m.achevee ? '' : ' (en cours)'); });

  function indicator(key) {
    for (var i = 0; i < data.indicateurs.length; i++) {
      if (data.indicateurs[i].cle === key) {
        return data.indicateurs[i];
      }
    }
    return null;
  }

  function inFrench(v, type) {
    if (v === null || v === undefined || v === '-') {
      return 'sans objet';
    }
    return Number(v).toLocaleString('fr-FR', type === 'EFFECTIF'
      ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  function points(side, key) {
    return data.mois.map(function (m) {
      var v = m[side].valeurs[key];
      var flagged = m[side].signales.indexOf(key) >= 0;
      var point = { value: v === null || v === undefined ? '-' : v, signale: flagged };
      if (flagged) {
        point.symbol = 'triangle';
        point.symbolSize = 13;
        point.itemStyle = { color: RED };
      }
      return point;
    });
  }

  document.querySelectorAll('.r06-chart-area[data-indicateur]').forEach(function (area) {
    var key = area.dataset.indicateur;
    var ind = indicator(key);
    if (!ind) {
      return;
    }
    var series = [{
      name: data.guichet.code, type: 'line', data: points('guichet', key), connectNulls: false,
      symbolSize: 6, lineStyle: { color: BLUE, width: 2 }, itemStyle: { color: BLUE }
    }];
    if (ind.type !== 'EFFECTIF') {
      series.push({
        name: 'Département ' + data.guichet.departement, type: 'line', data: points('reference', key),
        connectNulls: false, symbolSize: 4, lineStyle: { color: GREY, type: 'dashed' }, itemStyle: { color: GREY }
      });
    }
    var chart = echarts.init(area, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
      grid: { left: 48, right: 12, top: series.length > 1 ? 30 : 12, bottom: 58 },
      legend: series.length > 1 ? { top: 0, itemWidth: 18, textStyle: { fontSize: 11 } } : undefined,
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          var encode = echarts.format.encodeHTML;
          var lines = [encode(params[0].axisValue)];
          params.forEach(function (p) {
            lines.push(p.marker + encode(p.seriesName) + ' : ' + inFrench(p.data.value, ind.type)
              + (ind.unite && p.data.value !== '-' ? ' ' + encode(ind.unite) : '') + (p.data.signale ? ' – hors seuil' : ''));
          });
          return lines.join('<br>');
        }
      },
      xAxis: { type: 'category', data: months, axisLabel: { rotate: 40, fontSize: 10, interval: 0 } },
      yAxis: {
        type: 'value', minInterval: ind.type === 'EFFECTIF' ? 1 : 0,
        axisLabel: { fontSize: 10, formatter: function (v) { return v.toLocaleString('fr-FR'); } }
      },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
