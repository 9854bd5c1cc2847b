// The form editor's additions to Decap CMS (served only by the local edit server, src/editor/server.ts):
// before a save, the content gate's check (/admin/check) with its messages next to the fields; after a save,
// links to the station pages and posters the entry shows on; and a YAML field for what Decap has no widget for.
import { dump, load } from '/admin/js-yaml.mjs';

const CMS = window.CMS;
const h = window.h;

/** Values Decap keeps as Immutable collections, as plain data. */
const plain = (value) => (value && typeof value.toJS === 'function' ? value.toJS() : value);

// Hours and other unions: written as in the YAML files ("24/7", or a list of days, opens, closes).
const YamlControl = window.createClass({
  getInitialState() {
    const value = plain(this.props.value);
    return {
      text: value === undefined || value === null || value === '' ? '' : dump(value).trimEnd(),
      error: '',
    };
  },
  isValid() {
    return this.state.error ? { error: { message: this.state.error } } : true;
  },
  handleChange(event) {
    const text = event.target.value;
    try {
      const value = text.trim() === '' ? undefined : load(text);
      this.setState({ text, error: '' });
      this.props.onChange(value);
    } catch (error) {
      this.setState({ text, error: `not valid YAML: ${String(error.message).split('\n')[0]}` });
    }
  },
  render() {
    return h('textarea', {
      id: this.props.forID,
      className: this.props.classNameWrapper,
      value: this.state.text,
      rows: 4,
      onChange: this.handleChange,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
    });
  },
});
CMS.registerWidget('yaml', YamlControl);

/** The input or group Decap renders for a field path such as "phones.0.number" (ids are "{name}-field-{uuid}"). */
function fieldElement(path) {
  let container = document;
  let index = 0;
  let found;
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) {
      index = Number(segment);
      continue;
    }
    const candidates = container.querySelectorAll(`[id^="${CSS.escape(segment)}-field-"]`);
    found = candidates[index] ?? candidates[0];
    if (!found) return undefined;
    index = 0;
    container = found;
  }
  return found;
}

function clearProblems() {
  document.querySelectorAll('.gate-problem').forEach((node) => node.remove());
}

function showProblems(problems) {
  clearProblems();
  const unplaced = [];
  for (const problem of problems) {
    const field = fieldElement(problem.field);
    if (!field) {
      unplaced.push(problem);
      continue;
    }
    const note = document.createElement('p');
    note.className = 'gate-problem';
    note.setAttribute('role', 'alert');
    note.dataset.field = problem.field;
    note.textContent = `${problem.field}: ${problem.message}`;
    field.insertAdjacentElement('afterend', note);
  }
  return unplaced;
}

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const response = await fetch('/admin/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        collection: entry.get('collection'),
        path: entry.get('newRecord') ? undefined : entry.get('path'),
        data: plain(entry.get('data')),
      }),
    });
    if (!response.ok)
      throw new Error(`the content check failed (${response.status}); is npm run edit still running?`);
    const { own, elsewhere } = await response.json();
    const all = [...own, ...elsewhere];
    if (all.length === 0) {
      clearProblems();
      return undefined;
    }
    showProblems(own);
    throw new Error(
      `the content gate refuses this entry: ${all.map((p) => `${p.file} → ${p.field}: ${p.message}`).join('; ')}`,
    );
  },
});

CMS.registerEventListener({
  name: 'postSave',
  handler: async ({ entry }) => {
    document.querySelector('.gate-links')?.remove();
    const response = await fetch(`/admin/links?path=${encodeURIComponent(entry.get('path'))}`);
    const links = response.ok ? await response.json() : [];
    if (links.length === 0) return;
    const box = document.createElement('aside');
    box.className = 'gate-links';
    box.setAttribute('aria-label', 'Where this entry shows');
    const heading = document.createElement('p');
    heading.textContent =
      'Saved. Check it on the site and on its posters; `npm run posters:status` names the posters to reprint.';
    const list = document.createElement('ul');
    for (const link of links) {
      const item = document.createElement('li');
      const anchor = document.createElement('a');
      anchor.href = link.href;
      anchor.target = '_blank';
      anchor.textContent = link.label;
      item.append(anchor);
      list.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => box.remove());
    box.append(heading, list, close);
    document.body.append(box);
  },
});

// Everything is registered: start the editor (the page sets CMS_MANUAL_INIT so this runs first).
CMS.init();
