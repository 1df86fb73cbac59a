(function () {
  'use strict';
  var details = function () { return Array.prototype.slice.call(document.querySelectorAll('details')); };
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    openedForPrint = details().filter(function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
  function openTarget() {
    var target = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
    var d = target ? target.querySelector('details') : null;
    if (d) d.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  function wire(id, open) {
    var button = document.getElementById(id);
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () { details().forEach(function (d) { d.open = open; }); });
  }
  wire('expand-all', true);
  wire('collapse-all', false);
})();
