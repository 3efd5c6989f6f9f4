/* Batch overview: sort the table by any column. Numbers sort largest first
   on the first click, text A to Z (by code point, on the lower-cased names the
   page was rendered in, so the first sort agrees with the initial order);
   rows with no value always go last. */
(function () {
  "use strict";
  var table = document.getElementById("overview");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var status = document.getElementById("sort-status");

  function sortValue(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim() : value;
  }

  function sortBy(column) {
    var header = headers[column];
    var numeric = header.getAttribute("data-sort-type") === "number";
    var current = header.getAttribute("aria-sort");
    var direction;
    if (current === "ascending") { direction = "descending"; }
    else if (current === "descending") { direction = "ascending"; }
    else { direction = numeric ? "descending" : "ascending"; }
    var sign = direction === "ascending" ? 1 : -1;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a, column), y = sortValue(b, column);
      if (x === "" && y !== "") { return 1; }
      if (y === "" && x !== "") { return -1; }
      var order = 0;
      if (x !== "" && y !== "") {
        order = numeric ? parseFloat(x) - parseFloat(y) : (x < y ? -1 : (x > y ? 1 : 0));
      }
      if (order === 0) {
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      }
      return sign * order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", direction);
    if (status) {
      status.textContent = "Sorted by " + header.textContent.trim() + ", " + direction + ".";
    }
  }

  Array.prototype.forEach.call(headers, function (header, column) {
    var button = header.querySelector("button.sort");
    if (button) {
      button.addEventListener("click", function () { sortBy(column); });
    }
  });
})();
