/*
 * Incident Atlas embed host script (docs/embedding.md).
 *
 * Include it once on a page that embeds the atlas in one or more iframes:
 *   <script src="https://…/embed/host.js" async></script>
 * Each atlas frame posts its content height to this page as
 *   { type: "incident-atlas:height", height: <CSS px>, id: <frame id or null> }
 * and this script sets the height of the iframe that sent it. The frame is
 * found by the message's source window, never by anything in the message;
 * nothing in a message is evaluated or inserted into the page.
 * No dependencies; safe to include more than once.
 */
(function () {
  'use strict';
  if (window.incidentAtlasHost) return;
  window.incidentAtlasHost = { version: 1 };

  var HEIGHT = 'incident-atlas:height';
  var REQUEST = 'incident-atlas:request-height';
  var MAX_HEIGHT = 20000;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== HEIGHT) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
  });

  // Frames that loaded before this script ran have already reported their
  // height: ask every frame to report again (frames that are not the atlas
  // ignore the message).
  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow) {
        frames[i].contentWindow.postMessage({ type: REQUEST }, '*');
      }
    }
  }
  ask();
  if (document.readyState !== 'complete') window.addEventListener('load', ask);
})();
