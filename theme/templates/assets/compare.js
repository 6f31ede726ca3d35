// Any two areas side by side (compare/index.html): fetches the two areas' figures
// (compare/data/<area>.json, written at build time) and lays them out as the static comparison
// pages do: for each rate and percentage, the latest period both publish, both figures with
// their 95% intervals, the difference of the published figures, and whether the intervals
// overlap. Without this script the form stays hidden and the static comparisons are listed.
(function () {
  'use strict';
  var form = document.querySelector('form[data-compare]');
  var setupElement = document.getElementById('compare-setup');
  if (!form || !setupElement) return;
  var setup = JSON.parse(setupElement.textContent);
  var words = setup.words;
  var first = document.getElementById('compare-first');
  var second = document.getElementById('compare-second');
  var message = form.querySelector('.compare-message');
  var result = form.querySelector('.compare-result');

  var fill = function (text, values) {
    return Object.keys(values).reduce(function (out, key) {
      return out.split('{' + key + '}').join(values[key]);
    }, text);
  };
  var element = function (name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  };
  var number = function (value, decimals) {
    return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  };
  var load = function (url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  };

  // The second choice starts on a different area of the same kind as the first.
  if (second.options.length > 1) second.selectedIndex = 1;
  var query = new URLSearchParams(window.location.search);
  [['a', first], ['b', second]].forEach(function (pair) {
    var wanted = query.get(pair[0]);
    if (!wanted) return;
    Array.prototype.forEach.call(pair[1].options, function (option, index) {
      // ?a=<area> names an area by its page's folder (its file is compare/data/<area>.json).
      if (option.value.slice(-(wanted.length + 6)) === '/' + wanted + '.json') pair[1].selectedIndex = index;
    });
  });
  form.hidden = false;

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    result.textContent = '';
    message.textContent = '';
    var a = first.options[first.selectedIndex];
    var b = second.options[second.selectedIndex];
    if (a.value === b.value) { message.textContent = words.same; return; }
    if (a.getAttribute('data-kind') !== b.getAttribute('data-kind')) { message.textContent = words.kinds; return; }
    Promise.all([load(a.value), load(b.value)]).then(function (areas) {
      var mine = areas[0];
      var other = areas[1];
      var names = { area: mine.name, other: other.name };
      var rows = [];
      var apart = 0;
      setup.indicators.forEach(function (indicator) {
        var cells = mine.figures[indicator.id] || [];
        var others = other.figures[indicator.id] || [];
        var pick = null;
        for (var i = cells.length - 1; i >= 0 && !pick; i -= 1) {
          for (var j = 0; j < others.length; j += 1)
            if (others[j][0] === cells[i][0]) pick = [cells[i], others[j]];
        }
        if (!pick) return;
        var x = pick[0];
        var y = pick[1];
        var difference = Math.round((x[1] - y[1]) * Math.pow(10, indicator.decimals)) / Math.pow(10, indicator.decimals);
        var intervals = x[2] !== null && y[2] !== null;
        var differs = intervals && (x[3] < y[2] || y[3] < x[2]);
        if (differs) apart += 1;
        var figure = function (cell, label) {
          var td = element('td', { 'class': 'num', 'data-label': label }, [cell[4]]);
          if (cell[5]) td.appendChild(element('span', { 'class': 'cell-value' }, ['(' + cell[5] + ')']));
          return td;
        };
        var verdict = !intervals ? words.no_intervals : differs ? words.apart : words.could_be_chance;
        rows.push(element('tr', {}, [
          element('th', { scope: 'row' }, [element('a', { href: indicator.url }, [indicator.title])]),
          element('td', { 'data-label': words.period }, [x[0]]),
          figure(x, mine.name),
          figure(y, other.name),
          element('td', { 'class': 'num', 'data-label': fill(words.difference, names) },
            [(difference > 0 ? '+' : '') + number(difference, indicator.decimals) + (indicator.points ? ' ' + words.points : '')]),
          element('td', { 'data-label': words.chance }, [differs ? element('strong', {}, [verdict]) : verdict]),
        ]));
      });
      if (!rows.length) { message.textContent = words.none; return; }
      var title = fill(words.title, names);
      var summary = fill(apart === 1 ? words.summary_one : words.summary_other,
        { count: String(apart), total: String(rows.length), area: mine.name, other: other.name });
      var head = element('tr', {}, [words.indicator, words.period, mine.name, other.name, fill(words.difference, names), words.chance]
        .map(function (text, index) {
          return element('th', index >= 2 && index <= 4 ? { scope: 'col', 'class': 'num' } : { scope: 'col' }, [text]);
        }));
      result.appendChild(element('h2', {}, [title]));
      result.appendChild(element('p', { 'class': 'summary-sentence' }, [summary]));
      result.appendChild(element('div', { 'class': 'table-scroll', role: 'region', 'aria-label': title, tabindex: '0' }, [
        element('table', { 'class': 'data compare-table' }, [
          element('caption', { 'class': 'visually-hidden' }, [title]),
          element('thead', {}, [head]),
          element('tbody', {}, rows),
        ]),
      ]));
    }).catch(function () {
      message.textContent = words.error;
    });
  });
}());
