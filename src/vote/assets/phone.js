// Improves the phone pages; everything works without it. With it: a vote is sent without
// reloading the page and sent again if the network drops (a vote is only "saved" once the
// laptop says it is in the record), and the page follows the facilitator to the next round.
(function () {
  "use strict";
  var form = document.getElementById("vote");
  var status = document.getElementById("status");
  var round = form ? form.getAttribute("data-round") : "";

  function say(text, ok) {
    if (!status) { return; }
    var p = document.createElement("p");
    p.className = ok ? "saved" : "error";
    p.textContent = text;
    status.textContent = "";
    status.appendChild(p);
  }

  function send(body, button, tries) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/vote");
    xhr.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.timeout = 8000;
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      if (xhr.status === 200 && answer && answer.saved) {
        var picks = form.querySelectorAll("button.pick");
        for (var i = 0; i < picks.length; i++) {
          picks[i].setAttribute("aria-pressed", picks[i] === button ? "true" : "false");
        }
        say(answer.message, true);
      } else if (xhr.status >= 500 && tries < 5) {
        retry(body, button, tries);
      } else {
        say(answer && answer.message ? answer.message : "Your vote was not taken. Please try again.", false);
      }
    };
    xhr.onerror = xhr.ontimeout = function () { retry(body, button, tries); };
    xhr.send(body);
  }

  function retry(body, button, tries) {
    if (tries >= 5) {
      say("Your vote could not be sent: check the phone is on the room's network, then press your choice again.", false);
      return;
    }
    say("Sending your vote again…", false);
    setTimeout(function () { send(body, button, tries + 1); }, 500 * (tries + 1));
  }

  if (form && window.XMLHttpRequest && window.URLSearchParams) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter || document.activeElement;
      if (!button || button.name !== "choice") { return; }
      event.preventDefault();
      var body = new URLSearchParams();
      body.append("k", form.elements.k.value);
      body.append("r", form.elements.r.value);
      body.append("choice", button.value);
      say("Sending…", true);
      send(body.toString(), button, 0);
    });
  }

  // Follow the facilitator: when a round opens or closes, load the page for it.
  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/round");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.timeout = 5000;
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      // A phone put out (or every phone, with a new code) loads the page that says so.
      if (answer && (answer.joined === false ||
          String(answer.round === null ? "" : answer.round) !== round)) {
        window.location.replace("/vote");
        return;
      }
      setTimeout(poll, 2000);
    };
    xhr.onerror = xhr.ontimeout = function () { setTimeout(poll, 4000); };
    xhr.send();
  }
  if (window.XMLHttpRequest) { setTimeout(poll, 2000); }
})();
