// "Print this page" on indicator and area pages. Without JavaScript the page shows a plain
// instruction (use the browser's Print command); with it, this file turns the instruction into a
// button that opens the browser's print dialogue. Loaded as a file (no inline script), deferred.
(function () {
  'use strict';
  var hints = document.querySelectorAll('.print-page[data-label]');
  for (var i = 0; i < hints.length; i++) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-button';
    button.textContent = hints[i].getAttribute('data-label');
    button.addEventListener('click', function () { window.print(); });
    hints[i].textContent = '';
    hints[i].appendChild(button);
  }
})();
