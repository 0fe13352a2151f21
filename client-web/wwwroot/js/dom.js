// A small element builder: h('button', { class: 'primary', onclick: fn }, 'text', child...).
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let announcement = 0;
/** Tells screen readers something without moving focus; 'alert' interrupts, 'polite' waits. */
export function announce(text, urgency = 'polite') {
  const region = document.getElementById(urgency === 'alert' ? 'announce-alert' : 'announce-polite');
  if (!region) return;
  const id = ++announcement;
  region.textContent = '';
  // A fresh text node after a tick makes repeated messages heard again.
  setTimeout(() => { if (id === announcement) region.textContent = text; }, 50);
}

/** Runs fn at most once per wait, with the latest arguments. */
export function debounce(fn, wait) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), wait); };
}
