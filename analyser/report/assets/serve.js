// The upload page of `analyser serve`: a folder dropped on the class form
// has its files (walked through its sub-folders, each named by its path in
// the folder) put in the folder input, and the form is sent as if picked.
// Plain form posting only: the page's CSP allows no fetch.
(function () {
  "use strict";
  var form = document.getElementById("folder-form");
  var input = document.getElementById("folder");
  var status = document.getElementById("folder-status");
  if (!form || !input || !status || typeof DataTransfer === "undefined") {
    return;
  }

  function readAll(reader) {
    return new Promise(function (resolve, reject) {
      var entries = [];
      (function next() {
        reader.readEntries(function (batch) {
          if (batch.length === 0) {
            resolve(entries);
          } else {
            entries = entries.concat(batch);
            next();
          }
        }, reject);
      })();
    });
  }

  async function walk(entry, path, files) {
    if (entry.isFile) {
      var file = await new Promise(function (resolve, reject) { entry.file(resolve, reject); });
      files.push(new File([file], path + entry.name, { type: file.type, lastModified: file.lastModified }));
    } else if (entry.isDirectory) {
      var children = await readAll(entry.createReader());
      for (var i = 0; i < children.length; i++) {
        await walk(children[i], path + entry.name + "/", files);
      }
    }
  }

  form.addEventListener("dragover", function (event) {
    event.preventDefault();
  });
  form.addEventListener("drop", async function (event) {
    event.preventDefault();
    var items = Array.prototype.slice.call(event.dataTransfer.items || []);
    var entries = items.map(function (item) { return item.webkitGetAsEntry && item.webkitGetAsEntry(); });
    var files = [];
    if (entries.length && entries.every(Boolean)) {
      for (var i = 0; i < entries.length; i++) {
        await walk(entries[i], "", files);
      }
    } else {
      files = Array.prototype.slice.call(event.dataTransfer.files);
    }
    var transfer = new DataTransfer();
    files.forEach(function (file) { transfer.items.add(file); });
    input.files = transfer.files;
    status.textContent = files.length + " files dropped; sending them.";
    if (files.length) {
      form.requestSubmit();
    }
  });
})();
