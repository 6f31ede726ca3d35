// The postcode finder: looks a postcode up in its district's shard (postcodes/data/<district>.json,
// written at build time) and goes to the ward's page. Without this script the form stays hidden
// and the pages by postcode district and sector do the same job.
(function () {
  'use strict';
  var POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
  var forms = document.querySelectorAll('form[data-finder]');
  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector('input');
    var message = form.querySelector('.finder-message');
    var say = function (key, postcode, ward) {
      message.textContent = (form.getAttribute('data-msg-' + key) || '')
        .split('{postcode}').join(postcode)
        .split('{ward}').join(ward || '');
    };
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      var code = typed.toUpperCase().replace(/\s+/g, '');
      if (!POSTCODE.test(code)) {
        say('invalid', typed);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      var outward = code.slice(0, -3);
      var inward = code.slice(-3);
      var shown = outward + ' ' + inward;
      say('looking', shown);
      fetch(form.getAttribute('data-shards') + outward.toLowerCase() + '.json')
        .then(function (response) {
          if (response.status === 404) return null;
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (shard) {
          if (!shard || !Object.prototype.hasOwnProperty.call(shard.p, inward)) {
            say('unknown', shown);
            return;
          }
          var ward = shard.w[shard.p[inward]];
          if (!ward[1]) {
            say('outside', shown, ward[0]);
            return;
          }
          window.location.href = form.getAttribute('data-root') + ward[1];
        })
        .catch(function () {
          say('error', shown);
        });
    });
  });
}());
