// The council member's sheet (Features/Rounds/Score): running totals, the star and the star minimums still missing while
// the member chooses, and a draft save that stays on the page. Only a convenience: the server computes everything again
// at every save, and the page works without this script (each group's "Lưu nháp" returns to that group).
(function () {
  'use strict';
  var form = document.getElementById('scoresheet');
  var panel = document.getElementById('bang-diem');
  if (!form || !panel) return;

  function fmt(tenths) { return (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)).replace('.', ','); }
  function stars(star) { return star === null ? 'chưa xếp hạng' : star + ' sao'; }
  function chosenCase(group) {
    var c = form.querySelector('input[name="Case[' + group + ']"]:checked');
    return c ? c.value : null;
  }
  // A criterion in a case of a "choose one" group counts only when that case is the chosen one (or none is chosen yet).
  function counts(box) {
    if (!box || !box.dataset.case) return true;
    var pair = box.dataset.case.split(':');
    var chosen = chosenCase(pair[0]);
    return chosen === null || chosen === pair[1];
  }

  var bands = (panel.dataset.bands || '').split(',').filter(Boolean).map(function (b) {
    var p = b.split(':'); return { from: parseInt(p[0], 10), star: parseInt(p[1], 10) };
  });
  var cap = parseInt(panel.dataset.cap || '1', 10);
  var lowest = parseInt(panel.dataset.lowest || '1', 10);
  function starFor(total) {
    var star = null;
    bands.forEach(function (b) { if (total >= b.from) star = b.star; });
    return star;
  }

  function update() {
    var parts = {}, all = 0, points = {};
    form.querySelectorAll('input[type=radio][data-points]:checked').forEach(function (input) {
      var box = input.closest('fieldset.criterion');
      if (!counts(box)) return;
      var t = parseInt(input.dataset.points, 10) || 0;
      parts[input.dataset.part] = (parts[input.dataset.part] || 0) + t;
      all += t;
      var code = box.dataset.criterion;
      points[code] = t;
      if (input.dataset.parent) points[input.dataset.parent] = (points[input.dataset.parent] || 0) + t;
      if (box.dataset.case) { var c = box.dataset.case.split(':')[1]; points[c] = (points[c] || 0) + t; }
    });
    document.querySelectorAll('output[data-total-part]').forEach(function (o) { o.value = fmt(parts[o.dataset.totalPart] || 0); });
    var total = document.querySelector('output[data-total-all]');
    if (total) total.value = fmt(all);

    // The star minimums this sheet does not meet yet, as MemberStarStanding decides them on the server.
    var byTotal = starFor(all), firstMissed = null, missing = 0;
    panel.querySelectorAll('[data-minimum]').forEach(function (li) {
      var binds = !li.dataset.case || points.hasOwnProperty(li.dataset.case);
      var have = points[li.dataset.criterion] || 0;
      var met = li.dataset.aboveZero === 'true' ? have > 0 : have >= parseInt(li.dataset.atLeast, 10);
      var show = binds && !met;
      li.hidden = !show;
      if (show) {
        missing++;
        var s = parseInt(li.dataset.star, 10);
        if (firstMissed === null || s < firstMissed) firstMissed = s;
      }
    });
    panel.querySelectorAll('li[data-star-row]').forEach(function (row) {
      row.hidden = !row.querySelector('[data-minimum]:not([hidden])');
    });
    var none = panel.querySelector('[data-none-missing]');
    if (none) none.hidden = missing > 0;
    var after = byTotal;
    if (byTotal !== null && firstMissed !== null && firstMissed <= byTotal) after = Math.min(byTotal, Math.max(lowest, firstMissed - cap));
    var o1 = panel.querySelector('output[data-star-by-total]'), o2 = panel.querySelector('output[data-star-after]');
    if (o1) o1.value = stars(byTotal);
    if (o2) o2.value = stars(after);

    // Criteria still to answer: a "choose one" group without a case counts once, as on the server.
    var unanswered = [], seenGroups = {};
    form.querySelectorAll('fieldset.criterion').forEach(function (box) {
      if (box.dataset.case) {
        var group = box.dataset.case.split(':')[0];
        if (chosenCase(group) === null && !box.querySelector('input:checked')) {
          var groupAnswered = form.querySelector('fieldset.criterion[data-case^="' + group + ':"] input:checked');
          if (!groupAnswered && !seenGroups[group]) { seenGroups[group] = true; unanswered.push('tc-' + group); }
          return;
        }
        if (!counts(box)) return;
      }
      if (!box.querySelector('input:checked')) unanswered.push(box.id);
    });
    var line = panel.querySelector('[data-unanswered-line]');
    if (line) {
      line.hidden = unanswered.length === 0;
      panel.querySelector('[data-unanswered-count]').textContent = String(unanswered.length);
      if (unanswered.length) panel.querySelector('[data-first-unanswered]').setAttribute('href', '#' + unanswered[0]);
    }
  }
  form.addEventListener('change', update);

  // Draft saves stay on the page: the same form post, answered in JSON; the new version goes into the form so the
  // next save is not taken for a stale copy. Submitting ("Nộp phiếu") still posts the page.
  var status = panel.querySelector('[data-save-status]');
  var version = form.querySelector('input[name=Version]');
  var panelSave = panel.querySelector('[data-panel-save]');
  if (panelSave) panelSave.hidden = false;
  var busy = false;
  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (!submitter || !window.fetch || !window.FormData || submitter.value.indexOf('save') !== 0) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    var data = new FormData(form);
    data.append(submitter.name, submitter.value);
    status.textContent = 'Đang lưu…';
    fetch(form.getAttribute('action') || window.location.pathname, {
      method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) {
        version.value = String(result.body.version);
        status.textContent = result.body.message;
        var state = document.querySelector('[data-sheet-state]');
        if (state) state.textContent = result.body.state;
      } else {
        status.textContent = 'Chưa lưu được: ' + (result.body.detail || result.body.title || 'lỗi không rõ.');
      }
    }).catch(function () {
      status.textContent = 'Chưa lưu được: mất kết nối tới máy chủ. Lựa chọn của bạn vẫn còn trên trang; thử lưu lại.';
    }).then(function () { busy = false; });
  });
})();
