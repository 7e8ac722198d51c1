// The roadmap front end's entry point (bundled to dist/webview/roadmap.js): builds the app, wires the
// viewport's events and the host's messages, then asks the host for a model — or, in a standalone
// export, draws the model embedded in the page.
import { h } from './dom';
import { embeddedModel, listen, post, STANDALONE } from './messaging';
import { RoadmapApp } from './roadmapApp';
import { wireInteraction } from './interaction';

const app = new RoadmapApp();
document.body.append(app.element);
if (STANDALONE) document.body.classList.add('standalone');
wireInteraction(app);
listen((m) => app.receive(m));

if (STANDALONE) {
  const m = embeddedModel();
  if (m) app.receive(m);
  else app.viewport.replaceChildren(h('div', 'empty', undefined, 'No roadmap data in this page.'));
} else {
  app.render();
  post({ type: 'ready' });
}
