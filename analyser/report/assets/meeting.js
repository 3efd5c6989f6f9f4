/* Meeting report: show or hide each speaker's turns. Handlers are attached
   here (never with on*= attributes), as the strict CSP requires. */
(function () {
  "use strict";
  var doc = document.getElementById("doc");
  if (!doc) { return; }
  var boxes = document.querySelectorAll("input.speaker-toggle");
  Array.prototype.forEach.call(boxes, function (box) {
    var cls = box.getAttribute("data-speaker-class");
    box.addEventListener("change", function () { doc.classList.toggle("hide-" + cls, !box.checked); });
    if (!box.checked) { doc.classList.add("hide-" + cls); }  // restored unticked (back/forward)
  });
})();
