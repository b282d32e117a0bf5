// Duiding sidebar. Plain JavaScript, no build step. Every text from the server is inserted with textContent;
// only kb-service's evidence fragments carry markup, and those are rebuilt from text with <mark> around hits.
(function () {
  'use strict';

  var body = document.body;
  var token = body.getAttribute('data-token');
  var hasResident = body.getAttribute('data-resident') === 'true';
  var search = byId('zoek');
  var paste = byId('plak');
  var list = byId('resultaten');
  var statusLine = byId('status');
  var announcer = byId('melding');
  var requestNumber = 0;
  var shownSlugs = {};
  var contextCampaigns = [];

  var LABELS = { hoog: 'hoog', middel: 'middel', laag: 'laag' };
  var FEEDBACK = [
    ['gebruikt', 'Gebruikt'],
    ['hielp', 'Hielp'],
    ['hielp-niet', 'Hielp niet'],
    ['ander-onderwerp', 'Ander onderwerp']
  ];

  function byId(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }

  function api(path, options) {
    options = options || {};
    var headers = { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' };
    if (options.body) { headers['Content-Type'] = 'application/json'; }
    var controller = new AbortController();
    var timer = window.setTimeout(function () { controller.abort(); }, 5000);
    return fetch('/sidebar/api' + path, {
      method: options.method || 'GET', headers: headers, body: options.body, signal: controller.signal,
      credentials: 'omit', cache: 'no-store'
    }).then(function (response) {
      window.clearTimeout(timer);
      if (response.status === 202 || response.status === 204) { return null; }
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          var error = new Error((data && data.detail) || 'Er ging iets mis; probeer het opnieuw.');
          error.status = response.status;
          throw error;
        }
        return data;
      });
    }, function (error) {
      window.clearTimeout(timer);
      var failure = new Error('De koppeling reageert niet. Uw CRM werkt gewoon door; probeer het zo opnieuw.');
      failure.status = 0;
      failure.cause = error;
      throw failure;
    });
  }

  function showDegraded(answer) {
    var banner = byId('storing');
    if (!answer || !answer.degraded) { banner.hidden = true; return; }
    var text = 'U ziet opgeslagen scripts';
    if (answer.cachedAt) {
      var at = new Date(answer.cachedAt);
      text += ' (bijgewerkt ' + at.toLocaleString('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit',
        minute: '2-digit' }) + ')';
    }
    byId('storing-tekst').textContent = text + '; herkenning is beperkt.';
    banner.hidden = false;
  }

  function showConnectorDown(error) {
    byId('storing-tekst').textContent = error.message;
    byId('storing').hidden = false;
  }

  // --- results ------------------------------------------------------------------------------------------

  function evidenceNode(fragment) {
    // kb-service escapes the text and wraps hits in <em>; decode entities as text, never as markup.
    var p = el('p', { 'class': 'evidence' });
    fragment.split(/(<em>|<\/em>)/).reduce(function (inHit, part) {
      if (part === '<em>') { return true; }
      if (part === '</em>') { return false; }
      var decoder = document.createElement('textarea');
      decoder.innerHTML = part;
      var text = decoder.value;
      p.appendChild(inHit ? el('mark', null, text) : document.createTextNode(text));
      return inHit;
    }, false);
    return p;
  }

  // The card mirrors kb-service's fragments/script-card.html (the editor's preview), class for class.
  var DEPARTMENTS = {
    'communicatie': 'Communicatie', 'oov': 'Openbare orde en veiligheid (OOV)',
    'juridische-zaken': 'Juridische zaken', 'belastingen': 'Belastingen', 'burgerzaken': 'Burgerzaken',
    'politie': 'Politie', 'griffie': 'Griffie', 'teamleider-kcc': 'Teamleider KCC',
    'woo-coordinator': 'Woo-coördinator', 'vakafdeling': 'Vakafdeling', 'ggd': 'GGD'
  };

  function kern(card, text) {
    var section = card.querySelector('.kaart-kern');
    if (!section) {
      section = el('section', { 'class': 'kaart-kern' });
      card.insertBefore(section, card.querySelector('.evidence') || card.querySelector('.script'));
    }
    section.textContent = '';
    section.appendChild(el('h4', null, 'Kernboodschap'));
    section.appendChild(el('p', { 'class': 'core core-full' }, text));
  }

  function renderCards(items, kind) {
    list.textContent = '';
    items.forEach(function (item, index) {
      var li = el('li', { 'class': 'card kaart', 'data-slug': item.slug,
        'data-kanaal': (item.script && item.script.channel) || body.getAttribute('data-channel') });
      var header = el('header', { 'class': 'kaart-kop' });
      var h3 = el('h3', { 'class': 'kaart-titel' });
      var toggle = el('button', { 'type': 'button', 'class': 'card-toggle', 'aria-expanded': 'false',
        'aria-controls': 'script-' + index, 'data-slug': item.slug }, item.title);
      h3.appendChild(toggle);
      header.appendChild(h3);
      if (item.confidence) {
        var band = LABELS[item.confidence] || item.confidence;
        var zekerheid = el('p', { 'class': 'kaart-zekerheid zekerheid-' + item.confidence + ' confidence confidence-'
          + item.confidence }, 'Zekerheid: ');
        zekerheid.appendChild(el('span', null, band));
        header.appendChild(zekerheid);
      }
      li.appendChild(header);
      var panel = el('div', { 'class': 'script', 'id': 'script-' + index });
      panel.hidden = true;
      li.appendChild(panel);
      if (item.script && item.script.coreMessage) {
        kern(li, item.script.coreMessage);
      } else if (item.phrasing) {
        li.insertBefore(el('p', { 'class': 'core phrasing' }, '“' + item.phrasing + '”'), panel);
      }
      (item.evidence || []).slice(0, 1).forEach(function (fragment) {
        li.insertBefore(evidenceNode(fragment), panel);
      });
      li._item = item;
      list.appendChild(li);
    });
    var n = items.length;
    var what = kind === 'match' ? 'herkend' : 'gevonden';
    statusLine.textContent = n === 0
      ? (kind === 'match' ? 'Geen bekend verhaal herkend in deze tekst.' : 'Geen verhaal gevonden.')
      : n + (n === 1 ? ' verhaal ' : ' verhalen ') + what + '. Gebruik ↓ om door de kaarten te gaan.';
  }

  function renderScript(panel, card, script) {
    panel.textContent = '';
    if (!script) {
      panel.appendChild(el('p', null, 'Voor dit kanaal is geen script beschikbaar.'));
      return;
    }
    var phrasing = card.querySelector('.phrasing');
    if (phrasing) { phrasing.parentNode.removeChild(phrasing); }
    kern(card, script.coreMessage);
    if (script.channel) { card.setAttribute('data-kanaal', script.channel); }
    function section(cls, title, items, render) {
      if (!items || items.length === 0) { return; }
      var s = el('section', { 'class': cls });
      s.appendChild(el('h4', null, title));
      var ul = el('ul');
      items.forEach(function (x) {
        var li = el('li');
        if (render) { render(li, x); } else { li.textContent = x; }
        ul.appendChild(li);
      });
      s.appendChild(ul);
      panel.appendChild(s);
    }
    section('kaart-wel', 'Wat zeg je wel', script.say);
    section('kaart-niet', 'Wat zeg je niet', script.avoid);
    section('kaart-doorvragen', 'Doorvragen', script.askFurther);
    section('kaart-doorverwijzen', 'Doorverwijzen', script.referral, function (li, r) {
      li.appendChild(el('strong', null, DEPARTMENTS[r.to] || r.to));
      li.appendChild(document.createTextNode(': '));
      li.appendChild(el('span', null, r.when));
    });
    if (script.registration) {
      var reg = el('section', { 'class': 'kaart-registratie' });
      reg.appendChild(el('h4', null, 'Registratie'));
      reg.appendChild(el('p', null, script.registration));
      panel.appendChild(reg);
    }
    var actions = el('div', { 'class': 'actions' });
    var copy = el('button', { 'type': 'button', 'class': 'copy' }, 'Kopieer kernboodschap');
    copy.addEventListener('click', function () { copyText(script.coreMessage); });
    actions.appendChild(copy);
    panel.appendChild(actions);
    var group = el('div', { 'class': 'feedback', 'role': 'group', 'aria-label': 'Feedback op dit script' });
    var feedbackStatus = el('p', { 'class': 'feedback-status', 'role': 'status' });
    FEEDBACK.forEach(function (f) {
      var b = el('button', { 'type': 'button', 'class': 'secondary', 'aria-pressed': 'false', 'data-kind': f[0] },
        f[1]);
      b.addEventListener('click', function () { sendFeedback(card.getAttribute('data-slug'), f[0], b, feedbackStatus); });
      group.appendChild(b);
    });
    panel.appendChild(group);
    panel.appendChild(feedbackStatus);
  }

  function toggleCard(card) {
    var toggle = card.querySelector('.card-toggle');
    var panel = card.querySelector('.script');
    var open = toggle.getAttribute('aria-expanded') === 'true';
    if (open) {
      toggle.setAttribute('aria-expanded', 'false');
      panel.hidden = true;
      return;
    }
    toggle.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    var slug = card.getAttribute('data-slug');
    if (!shownSlugs[slug]) {
      shownSlugs[slug] = true;
      api('/feedback', { method: 'POST', body: JSON.stringify({ slug: slug, kind: 'getoond' }) })
        .catch(function () { /* a missed 'shown' count is not worth bothering the agent */ });
    }
    if (card._item.script && card._item.script.coreMessage && card._item.script.say) {
      renderScript(panel, card, card._item.script);
      return;
    }
    panel.textContent = 'Script laden…';
    api('/narratives/' + encodeURIComponent(slug)).then(function (narrative) {
      showDegraded(narrative);
      card._item.script = narrative.script;
      renderScript(panel, card, narrative.script);
    }, function (error) {
      panel.textContent = error.message;
    });
  }

  function copyText(raw) {
    var text = raw.trim();
    function fallback() {
      var area = el('textarea', { 'aria-hidden': 'true' });
      area.value = text;
      area.style.position = 'fixed';
      area.style.left = '-1000px';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      announce(ok ? 'Kernboodschap gekopieerd.' : 'Kopiëren lukte niet; selecteer de tekst en kopieer met Ctrl+C.');
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { announce('Kernboodschap gekopieerd.'); }, fallback);
    } else {
      fallback();
    }
  }

  function sendFeedback(slug, kind, button, statusNode) {
    statusNode.classList.remove('error');
    statusNode.textContent = 'Feedback versturen…';
    api('/feedback', { method: 'POST', body: JSON.stringify({ slug: slug, kind: kind }) }).then(function () {
      button.parentNode.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      button.setAttribute('aria-pressed', 'true');
      statusNode.textContent = 'Bedankt, feedback "' + button.textContent + '" is opgeslagen.';
    }, function (error) {
      statusNode.classList.add('error');
      statusNode.textContent = 'Feedback niet opgeslagen: ' + error.message;
    });
  }

  // --- search, paste, context ----------------------------------------------------------------------------

  var typingTimer = null;
  function onType() {
    window.clearTimeout(typingTimer);
    var q = search.value.trim();
    if (q.length < 2) { return; }
    typingTimer = window.setTimeout(function () {
      var mine = ++requestNumber;
      api('/suggest?q=' + encodeURIComponent(q)).then(function (answer) {
        if (mine !== requestNumber) { return; }
        showDegraded(answer);
        renderCards(answer.suggestions, 'suggest');
      }, function (error) {
        if (mine === requestNumber) { statusLine.textContent = error.message; if (!error.status) { showConnectorDown(error); } }
      });
    }, 150);
  }

  function recognise() {
    var text = paste.value.trim();
    if (!text) { statusLine.textContent = 'Plak of typ eerst een tekst.'; return; }
    var mine = ++requestNumber;
    statusLine.textContent = 'Tekst herkennen…';
    api('/match', { method: 'POST', body: JSON.stringify({ text: text }) }).then(function (answer) {
      if (mine !== requestNumber) { return; }
      showDegraded(answer);
      renderCards(answer.matches, 'match');
      showBelacties(answer.belacties || []);
    }, function (error) {
      if (mine === requestNumber) { statusLine.textContent = error.message; if (!error.status) { showConnectorDown(error); } }
    });
  }

  function showBelacties(fromMatch) {
    var all = contextCampaigns.concat(fromMatch);
    var seen = {};
    var unique = all.filter(function (c) { var k = c.id || c.title; if (seen[k]) { return false; } seen[k] = true; return true; });
    var banner = byId('belactie');
    banner.textContent = '';
    if (unique.length === 0) { banner.hidden = true; return; }
    unique.forEach(function (c) {
      var p = el('p');
      p.appendChild(el('strong', null, 'Belactie ' + (c.status === 'bevestigd' ? 'bevestigd' : 'gesignaleerd') + ': '));
      p.appendChild(document.createTextNode(c.title + (c.contacts ? ' (' + c.contacts + ' contacten)' : '')));
      banner.appendChild(p);
      if (c.shortScript) { banner.appendChild(el('p', null, c.shortScript)); }
    });
    banner.hidden = false;
  }

  function loadContext() {
    api('/context').then(function (context) {
      if (context.degraded) { showDegraded(context); }
      contextCampaigns = context.campaigns || [];
      showBelacties([]);
      var history = context.history || [];
      if (hasResident && history.length > 0) {
        var ul = byId('eerder-lijst');
        ul.textContent = '';
        history.forEach(function (h) {
          var when = h.occurredAt ? new Date(h.occurredAt).toLocaleDateString('nl-NL',
            { day: 'numeric', month: 'short', year: 'numeric' }) : '';
          var line = when + ', ' + (h.channel || '') + ': ' + (h.titles || h.slugs || []).join(', ');
          if (h.scriptChannel) { line += ' (script ' + h.scriptChannel + ')'; }
          if (h.feedback) { line += ' – ' + h.feedback; }
          ul.appendChild(el('li', null, line));
        });
        byId('eerder').hidden = false;
      }
    }, function () { /* the banner of the first search says enough */ });
  }

  // --- keyboard --------------------------------------------------------------------------------------------

  function toggles() { return Array.prototype.slice.call(list.querySelectorAll('.card-toggle')); }

  function openCard() {
    var active = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.card') : null;
    if (active && active.querySelector('.card-toggle').getAttribute('aria-expanded') === 'true') { return active; }
    var open = list.querySelector('.card-toggle[aria-expanded=true]');
    return open ? open.closest('.card') : null;
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
    if (event.key === '/' && !typing && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      search.focus();
      search.select();
    } else if (event.altKey && (event.key === 'p' || event.key === 'P' || event.code === 'KeyP')) {
      event.preventDefault();
      paste.focus();
    } else if (event.altKey && (event.key === 'k' || event.key === 'K' || event.code === 'KeyK')) {
      var card = openCard();
      if (card) {
        event.preventDefault();
        var core = card.querySelector('.core-full');
        if (core) { copyText(core.textContent); }
      }
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target === paste) {
      event.preventDefault();
      recognise();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var all = toggles();
      if (all.length === 0) { return; }
      var index = all.indexOf(target);
      if (target === search && event.key === 'ArrowDown') {
        event.preventDefault();
        all[0].focus();
      } else if (index >= 0) {
        event.preventDefault();
        var next = event.key === 'ArrowDown' ? Math.min(index + 1, all.length - 1) : index - 1;
        if (next < 0) { search.focus(); } else { all[next].focus(); }
      }
    } else if (event.key === 'Escape') {
      var current = target.closest ? target.closest('.card') : null;
      if (current && current.querySelector('.card-toggle').getAttribute('aria-expanded') === 'true') {
        event.preventDefault();
        toggleCard(current);
        current.querySelector('.card-toggle').focus();
      }
    }
  });

  list.addEventListener('click', function (event) {
    var toggle = event.target.closest ? event.target.closest('.card-toggle') : null;
    if (toggle) { toggleCard(toggle.closest('.card')); }
  });
  search.addEventListener('input', onType);
  byId('zoekformulier').addEventListener('submit', function (event) { event.preventDefault(); onType(); });
  byId('plakformulier').addEventListener('submit', function (event) { event.preventDefault(); recognise(); });

  loadContext();
  if (paste.value.trim()) {
    recognise();
  }
  search.focus();
}());
