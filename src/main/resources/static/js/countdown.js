// Live countdowns for <time data-countdown="ISO instant">: hours:minutes:seconds left, or the time
// past it. Counted from the server's clock (body[data-now]) so that every user sees the same figures.
(function () {
  var serverNow = Date.parse(document.body.getAttribute('data-now'));
  var offset = isNaN(serverNow) ? 0 : serverNow - Date.now();
  var lang = document.documentElement.lang;
  var overText = lang === 'en' ? 'over by ' : 'quá ';

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function text(ms) {
    var over = ms < 0;
    var s = Math.floor(Math.abs(ms) / 1000);
    var clock = Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
    return over ? overText + clock : clock;
  }

  function tick() {
    var now = Date.now() + offset;
    var items = document.querySelectorAll('[data-countdown]');
    for (var i = 0; i < items.length; i++) {
      var left = Date.parse(items[i].getAttribute('data-countdown')) - now;
      items[i].textContent = text(left);
      items[i].classList.toggle('over', left < 0);
    }
  }

  window.treAnCountdown = { tick: tick, setServerNow: function (iso) { offset = Date.parse(iso) - Date.now(); } };
  tick();
  setInterval(tick, 1000);
})();
