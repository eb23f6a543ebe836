// The page's libraries come from webjars inside the engine's jars (Maven Central), served under /webjars/ without
// a version in the path (quarkus-web-dependency-locator); nothing is fetched from a CDN. They are classic
// scripts, loaded once each, in order.
const loaded = new Map();

function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.appendChild(tag);
    }));
  }
  return loaded.get(src);
}

function stylesheet(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

const CM = '/webjars/codemirror';

/** CodeMirror 5 with the lint and show-hint addons; resolves to the global CodeMirror. */
export async function codeMirror() {
  for (const css of ['lib/codemirror.css', 'theme/material-darker.css', 'addon/lint/lint.css', 'addon/hint/show-hint.css']) {
    stylesheet(`${CM}/${css}`);
  }
  await script(`${CM}/lib/codemirror.js`);
  for (const addon of ['addon/lint/lint.js', 'addon/hint/show-hint.js', 'addon/edit/matchbrackets.js', 'addon/edit/closebrackets.js']) {
    await script(`${CM}/${addon}`);
  }
  return window.CodeMirror;
}

/** uPlot; resolves to the global uPlot. */
export async function uPlot() {
  stylesheet('/webjars/uplot/dist/uPlot.min.css');
  await script('/webjars/uplot/dist/uPlot.iife.min.js');
  return window.uPlot;
}
