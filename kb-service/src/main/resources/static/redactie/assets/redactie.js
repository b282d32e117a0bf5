// Duiding redactie: focus management and the live preview of the agents' card. No framework, no build step.
// All stored text reaches the page through the server's templates, which escape it; this script never builds HTML
// from text itself.
(function () {
  'use strict';

  function focusFirst(selectors) {
    for (var i = 0; i < selectors.length; i++) {
      var el = document.querySelector(selectors[i]);
      if (el) {
        el.focus();
        return;
      }
    }
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8'};
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function livePreview(form) {
    var url = form.getAttribute('data-voorbeeld');
    var timer = null;
    var pending = null;
    function refresh() {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var body = new URLSearchParams(new FormData(form));
      fetch(url, {method: 'POST', headers: csrfHeaders(), body: body, credentials: 'same-origin',
        signal: pending.signal})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('voorbeeld ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // The server rendered this with the card fragment; every stored value in it is escaped.
          var parsed = new DOMParser().parseFromString(html, 'text/html').getElementById('voorbeelden');
          var current = document.getElementById('voorbeelden');
          if (parsed && current) {
            current.replaceWith(document.importNode(parsed, true));
          }
        })
        .catch(function (error) {
          if (error.name !== 'AbortError') {
            var current = document.getElementById('voorbeelden');
            if (current) {
              current.setAttribute('data-verouderd', 'true');
            }
          }
        });
    }
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
    form.addEventListener('change', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // After a save that failed, a conflict or a test, put the keyboard where the news is.
    focusFirst(['#foutoverzicht', '#conflict', '.melding-fout', '#treffers']);
    // A link in the error summary shows the whole field (label, hint, message), not only its input.
    document.querySelectorAll('#foutoverzicht a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var field = document.getElementById(link.getAttribute('href').substring(1));
        if (field) {
          event.preventDefault();
          (field.closest('.veld') || field).scrollIntoView();
          field.focus({preventScroll: true});
        }
      });
    });
    var form = document.getElementById('verhaalformulier');
    if (form && form.getAttribute('data-voorbeeld')) {
      livePreview(form);
    }
  });
}());
