// Draws the transmission chain of an investigation (cases and their confirmed contacts) with ECharts.
// Names are data: the tooltip is HTML, so every text going into it is escaped.
(function () {
  'use strict';
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  var el = document.getElementById('chain-graph');
  if (!el || typeof echarts === 'undefined') { return; }
  var colours = { CASE: '#d93025', CLOSE_CONTACT: '#f29900', SECONDARY_CONTACT: '#f2b600', GENERAL_CONTACT: '#1a73e8' };
  var labels = { CASE: el.dataset.labelCase, CLOSE_CONTACT: el.dataset.labelClose,
    SECONDARY_CONTACT: el.dataset.labelSecondary, GENERAL_CONTACT: el.dataset.labelGeneral };
  var anonymous = el.dataset.labelAnonymous;
  var kinds = ['CASE', 'CLOSE_CONTACT', 'SECONDARY_CONTACT', 'GENERAL_CONTACT'];
  fetch(el.dataset.graphUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (graph) {
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { formatter: function (p) {
          return p.dataType === 'node' ? escapeHtml(p.data.name) + ' · ' + escapeHtml(labels[p.data.kind]) : '';
        } },
        legend: [{ data: kinds.map(function (k) { return labels[k]; }), bottom: 0 }],
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          force: { repulsion: 90, edgeLength: [30, 80] },
          categories: kinds.map(function (k) { return { name: labels[k], itemStyle: { color: colours[k] } }; }),
          data: graph.nodes.map(function (n) {
            return { id: n.id, name: n.anonymous ? anonymous : n.name, kind: n.kind, category: kinds.indexOf(n.kind),
              symbolSize: n.kind === 'CASE' ? 26 : 12, label: { show: n.kind === 'CASE' } };
          }),
          links: graph.links.map(function (l) { return { source: l.source, target: l.target }; }),
          lineStyle: { color: '#9aa0a6', opacity: 0.7 }
        }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.nodes = String(graph.nodes.length);
    })
    .catch(function () { el.textContent = '—'; });
})();
