// Site search without a server. On every page: shows the header's search box (hidden without
// JavaScript, when the footer's A to Z link does the job). On the search page: reads
// search/index.json (written at build time: [title, page path, kind, words] per entry) and
// lists the entries in which every word of the query starts a word of the title or its words,
// title matches first.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('form[data-search]'), function (form) {
    form.hidden = false;
  });
  var page = document.querySelector('form[data-search-page]');
  if (!page) return;
  var input = page.querySelector('input');
  var message = page.querySelector('.search-message');
  var list = page.querySelector('.search-results');
  var root = page.getAttribute('data-index').replace(/search\/index\.json$/, '');
  var index = null;
  page.hidden = false;

  var fold = function (text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  };
  var wordsOf = function (text) {
    return fold(text).split(/[^a-z0-9\u00c0-\uffff]+/).filter(function (word) { return word.length > 0; });
  };
  var say = function (key, values) {
    var text = page.getAttribute('data-msg-' + key) || '';
    Object.keys(values || {}).forEach(function (name) { text = text.split('{' + name + '}').join(values[name]); });
    message.textContent = text;
  };
  var show = function (query) {
    list.textContent = '';
    var terms = wordsOf(query).filter(function (word) { return word.length >= 2; });
    if (!terms.length) { say('short'); return; }
    var found = [];
    index.e.forEach(function (entry) {
      var title = wordsOf(entry[0]);
      var rest = wordsOf(entry[3]);
      var score = 0;
      var all = terms.every(function (term) {
        var starts = function (word) { return word.indexOf(term) === 0; };
        if (title.some(starts)) { score += 3; return true; }
        if (rest.some(starts)) { score += 1; return true; }
        return false;
      });
      if (all) found.push({ entry: entry, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.entry[0].localeCompare(b.entry[0]); });
    if (!found.length) { say('none', { query: query }); return; }
    say(found.length === 1 ? 'results-one' : 'results-other', { count: String(found.length), query: query });
    found.slice(0, 50).forEach(function (item) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = root + item.entry[1];
      link.textContent = item.entry[0];
      li.appendChild(link);
      var kind = document.createElement('span');
      kind.className = 'meta';
      kind.textContent = ' (' + item.entry[2] + ')';
      li.appendChild(kind);
      if (item.entry[3]) {
        var words = document.createElement('span');
        words.className = 'search-words';
        words.textContent = item.entry[3];
        li.appendChild(words);
      }
      list.appendChild(li);
    });
  };
  var run = function (query) {
    if (index) { show(query); return; }
    fetch(page.getAttribute('data-index'))
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) { index = data; show(query); })
      .catch(function () { say('error'); });
  };
  page.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, '', '?q=' + encodeURIComponent(query));
    run(query);
  });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    input.value = query;
    run(query.trim());
  }
}());
