"use strict";
// Lays out a large graph off the page's thread, so the page draws at once and stays responsive.
importScripts("/dagre.min.js", "/layout.js");
onmessage = event => postMessage(layOutGraph(event.data));
