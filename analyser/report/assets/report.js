/* Feedback report behaviour. Handlers are attached here (never with on*=
   attributes) so a strict Content-Security-Policy can allow this one block. */
(function () {
  "use strict";
  var doc = document.getElementById("doc");
  if (!doc) { return; }

  function showConcept(conceptClass, shown) {
    doc.classList.toggle("hide-" + conceptClass, !shown);
    var marks = doc.querySelectorAll("mark.m." + conceptClass + "[id]");
    for (var i = 0; i < marks.length; i++) {
      marks[i].tabIndex = shown ? 0 : -1;
    }
  }

  var toggles = document.querySelectorAll("input.concept-toggle");
  Array.prototype.forEach.call(toggles, function (box) {
    box.addEventListener("change", function () {
      showConcept(box.getAttribute("data-concept-class"), box.checked);
    });
    if (!box.checked) {  // the browser restored an unticked box (back/forward)
      showConcept(box.getAttribute("data-concept-class"), false);
    }
  });

  // Reflective moves: colour every sentence by its move (off by default).
  var moves = document.getElementById("toggle-moves");
  if (moves) {
    var showMoves = function () { doc.classList.toggle("show-moves", moves.checked); };
    moves.addEventListener("change", showMoves);
    showMoves();  // the browser may restore a ticked box (back/forward)
  }

  // A printed report shows every feedback point, folded or not.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });

  // Escape dismisses an open tooltip without moving focus (WCAG 1.4.13).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { document.body.classList.add("tips-off"); }
  });
  document.addEventListener("focusin", function () { document.body.classList.remove("tips-off"); });
  document.addEventListener("mouseover", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("mark.m, .cite.bad")) {
      document.body.classList.remove("tips-off");
    }
  });
})();
