// The organisation picker's suggestions as one types (templates/_picker.html, pages/picker.rs).
// Without this script the field is plain text that the server resolves; with it, the field is
// an ARIA combobox: type two letters, move with the arrow keys, choose with Enter, close with
// Escape. Choosing fills in the name and the hidden id, so namesakes stay apart.
(function () {
  "use strict";

  function enhance(box, n) {
    var input = box.querySelector("input[type=text]");
    var hidden = box.querySelector("input[type=hidden]");
    var url = box.getAttribute("data-picker");
    if (!input || !hidden || !url) {
      return;
    }
    var list = document.createElement("ul");
    list.id = "picker-suggestions-" + n;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.getAttribute("data-picker-label") || "");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var active = -1;
    var timer = null;
    var asked = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(k) {
      var all = options();
      if (all.length === 0) {
        return;
      }
      active = (k + all.length) % all.length;
      all.forEach(function (o, j) {
        o.setAttribute("aria-selected", j === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      input.value = option.getAttribute("data-label");
      hidden.value = option.getAttribute("data-value");
      // The server's candidates were for the text typed before; the choice replaces them.
      var stale = box.querySelector("fieldset.candidates");
      if (stale) {
        stale.remove();
      }
      close();
    }

    function show(hits) {
      list.textContent = "";
      active = -1;
      hits.forEach(function (hit, j) {
        var option = document.createElement("li");
        option.id = list.id + "-" + j;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", hit.value);
        option.setAttribute("data-label", hit.label);
        option.textContent = hit.label + " (" + hit.detail + ")";
        // mousedown, not click: the field keeps the focus, so blur does not close the list first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(option);
        });
        list.appendChild(option);
      });
      list.hidden = hits.length === 0;
      input.setAttribute("aria-expanded", hits.length === 0 ? "false" : "true");
    }

    input.addEventListener("input", function () {
      hidden.value = "";
      window.clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      timer = window.setTimeout(function () {
        var mine = ++asked;
        fetch(url + "&q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) {
            return r.ok ? r.json() : [];
          })
          .then(function (hits) {
            if (mine === asked) {
              show(hits);
            }
          })
          .catch(close);
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!list.hidden) {
          highlight(active + 1);
        }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!list.hidden) {
          highlight(active - 1);
        }
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(options()[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-picker]").forEach(enhance);
})();
