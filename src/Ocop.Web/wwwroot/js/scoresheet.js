// Running totals while a council member scores. Only a convenience: the server computes the totals on every save.
(function () {
  var form = document.getElementById('scoresheet');
  if (!form) return;
  function fmt(tenths) { return (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)).replace('.', ','); }
  function chosenCase(group) {
    var c = form.querySelector('input[name="Case[' + group + ']"]:checked');
    return c ? c.value : null;
  }
  function update() {
    var parts = {}, all = 0;
    form.querySelectorAll('input[type=radio][data-points]:checked').forEach(function (input) {
      var box = input.closest('fieldset[data-case]');
      if (box && box.dataset.case) {
        var pair = box.dataset.case.split(':');
        var chosen = chosenCase(pair[0]);
        if (chosen !== null && chosen !== pair[1]) return;
      }
      var t = parseInt(input.dataset.points, 10) || 0;
      parts[input.dataset.part] = (parts[input.dataset.part] || 0) + t;
      all += t;
    });
    form.querySelectorAll('output[data-total-part]').forEach(function (o) { o.value = fmt(parts[o.dataset.totalPart] || 0); });
    var total = form.querySelector('output[data-total-all]');
    if (total) total.value = fmt(all);
  }
  form.addEventListener('change', update);
})();
