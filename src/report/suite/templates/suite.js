(function () {
  'use strict';
  // Narrows the index's rows by status, device, tag and text; a device section with no row left is hidden too.
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="status"]'));
  var device = document.getElementById('device');
  var tag = document.getElementById('tag');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.run'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function isShown(row, index, statuses, needle) {
    var facts = row.querySelector('td.status');
    if (!statuses[facts.getAttribute('data-status')]) return false;
    if (device.value !== '' && row.getAttribute('data-device') !== device.value) return false;
    if (tag && tag.value !== '' && facts.getAttribute('data-tags').split('\n').indexOf(tag.value) === -1) return false;
    return needle === '' || texts[index].indexOf(needle) !== -1;
  }

  function apply() {
    var statuses = {};
    boxes.forEach(function (box) { statuses[box.value] = box.checked; });
    var needle = search.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row, index) {
      row.hidden = !isShown(row, index, statuses, needle);
      if (!row.hidden && row.closest('section.device')) count += 1;
    });
    Array.prototype.slice.call(document.querySelectorAll('section.device')).forEach(function (section) {
      section.hidden = section.querySelector('tr.run:not([hidden])') === null;
    });
    var total = document.querySelectorAll('section.device tr.run').length;
    shown.textContent = count === total ? 'all ' + total + ' runs' : count + ' of ' + total + ' runs';
  }

  document.getElementById('filters').hidden = false;
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  device.addEventListener('change', apply);
  if (tag) tag.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
