/* vbhc serve: small enhancements over plain forms (every page works without this file). */
(function () {
  "use strict";
  var limitMb = parseFloat(document.body.getAttribute("data-limit-mb") || "0");

  function sizeText(bytes) { return (bytes / 1048576).toFixed(1).replace(".", ",") + " MB"; }

  function showChosen(input) {
    var out = input.parentNode.querySelector(".chosen");
    if (!out) { return; }
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    out.textContent = names.length ? names.join(", ") : "Chưa chọn tệp";
    out.classList.toggle("has", names.length > 0);
  }

  document.querySelectorAll("input[type=file]").forEach(function (input) {
    input.addEventListener("change", function () { showChosen(input); });
  });

  // drag and drop onto the drop zone: the files go into its <input type=file>
  document.querySelectorAll(".drop").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      var files = e.dataTransfer.files;
      if (!input.multiple && files.length > 1) {
        var one = new DataTransfer();
        one.items.add(files[0]);
        files = one.files;
      }
      input.files = files;
      showChosen(input);
    });
  });

  // refuse what the server would refuse (too large) before sending it; show that the work runs
  document.querySelectorAll("form[enctype='multipart/form-data']").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var total = 0;
      form.querySelectorAll("input[type=file]").forEach(function (input) {
        Array.prototype.forEach.call(input.files, function (f) { total += f.size; });
      });
      var error = form.querySelector(".form-error");
      var empty = form.querySelector("input[type=file][data-required]");
      if (empty && !empty.files.length) {
        e.preventDefault();
        if (error) { error.textContent = "Chưa chọn tệp."; error.hidden = false; }
        return;
      }
      if (limitMb && total > limitMb * 1048576) {
        e.preventDefault();
        if (error) {
          error.textContent = "Tệp quá lớn (" + sizeText(total) + "): mỗi lần gửi tối đa " + limitMb + " MB.";
          error.hidden = false;
        }
        return;
      }
      var busy = form.querySelector(".busy");
      if (busy) { busy.hidden = false; }
    });
  });

  // result page: filter by severity; a finding and its mark in the document point at each other
  var filters = document.querySelectorAll(".sev-filter");
  function applyFilters() {
    var shown = {};
    filters.forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll("[data-sev]").forEach(function (el) {
      el.classList.toggle("hidden", shown[el.getAttribute("data-sev")] === false);
    });
    document.querySelectorAll(".group").forEach(function (group) {
      group.classList.toggle("hidden", !group.querySelector(".finding:not(.hidden)"));
    });
  }
  filters.forEach(function (box) { box.addEventListener("change", applyFilters); });

  function flash(el, cls) {
    if (!el) { return; }
    el.scrollIntoView({block: "center"});
    el.classList.add(cls);
    setTimeout(function () { el.classList.remove(cls); }, 1600);
  }
  document.querySelectorAll("a.goto").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      flash(document.getElementById(a.getAttribute("href").slice(1)), "flash");
    });
  });
  document.querySelectorAll("a.mark").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      flash(document.getElementById(a.getAttribute("href").slice(1)), "current");
    });
  });

  document.querySelectorAll("a.js-back").forEach(function (a) {
    if (history.length > 1) {
      a.addEventListener("click", function (e) { e.preventDefault(); history.back(); });
    }
  });

  // a collection's page: follow the matrix live while the page is open
  var board = document.getElementById("bang");
  if (board && board.getAttribute("data-src")) {
    var busy = false, last = null;
    var refresh = function () {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(board.getAttribute("data-src"), {headers: {"Accept": "text/html"}})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html !== null && html !== last) { last = html; board.innerHTML = html; }
        })
        .catch(function () { /* the server restarts: try again on the next tick */ })
        .then(function () { busy = false; });
    };
    setInterval(refresh, 3000);
  }
})();
