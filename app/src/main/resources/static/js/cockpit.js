// The cockpit's charts (ECharts from the jar): the trends of the last 14 or 28 days, and the regions below as a
// treemap whose tiles lead to that region's cockpit. Data comes as JSON from the URLs in data attributes; names are
// data, never markup (tooltips escape them).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); });
  }

  var trendEl = document.getElementById('trend-chart');
  if (trendEl) {
    var trendChart = echarts.init(trendEl);
    var drawTrends = function (days) {
      getJson(trendEl.dataset.trendsUrl + '&days=' + days).then(function (chart) {
        trendChart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0, data: chart.lines.map(function (l) { return l.name; }) },
          grid: { left: 48, right: 48, top: 16, bottom: 48 },
          xAxis: { type: 'category', data: chart.days.map(function (d) { return d.substring(5); }) },
          yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
          series: chart.lines.map(function (l) {
            // the large daily counts (check-ins) on the left axis, the rare events on the right one
            var big = l.key === 'checkins' || l.key === 'riskPersonsPushed';
            return { name: l.name, type: big ? 'bar' : 'line', yAxisIndex: big ? 0 : 1, data: l.values,
              itemStyle: l.alarming ? { color: '#d93025' } : undefined, smooth: false };
          })
        }, true);
        trendEl.dataset.days = String(chart.days.length);
      }).catch(function () { trendEl.textContent = '—'; });
    };
    document.querySelectorAll('#trend-days [data-days]').forEach(function (button) {
      button.addEventListener('click', function () {
        document.querySelectorAll('#trend-days [data-days]').forEach(function (b) { b.classList.remove('active'); });
        button.classList.add('active');
        drawTrends(button.dataset.days);
      });
    });
    drawTrends(14);
    window.addEventListener('resize', function () { trendChart.resize(); });
  }

  var heatEl = document.getElementById('heat-map');
  if (heatEl) {
    var heatChart = echarts.init(heatEl);
    getJson(heatEl.dataset.heatUrl).then(function (tiles) {
      var worst = tiles.reduce(function (m, t) { return Math.max(m, t.alarm); }, 0);
      var colour = function (alarm) {
        if (alarm === 0) { return '#cfe2ff'; }
        return alarm * 2 > worst ? '#d93025' : '#f2b600';
      };
      heatChart.setOption({
        tooltip: { formatter: function (p) {
          return escapeHtml(p.data.name) + '<br>' + escapeHtml(heatEl.dataset.labelSize || '') + ' ' + p.data.size
            + '<br>' + escapeHtml(heatEl.dataset.labelAlarm || '') + ' ' + p.data.alarm;
        } },
        series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
          label: { show: true, formatter: '{b}', color: '#222' },
          data: tiles.map(function (t) { return { name: t.name, code: t.code, size: t.size, alarm: t.alarm,
            value: t.value, itemStyle: { color: colour(t.alarm) } }; }) }]
      });
      heatChart.on('click', function (p) {
        if (p.data && p.data.code) {
          window.location.href = heatEl.dataset.cockpitUrl + '?region=' + encodeURIComponent(p.data.code);
        }
      });
      heatEl.dataset.tiles = String(tiles.length);
    }).catch(function () { heatEl.textContent = '—'; });
    window.addEventListener('resize', function () { heatChart.resize(); });
  }
})();
