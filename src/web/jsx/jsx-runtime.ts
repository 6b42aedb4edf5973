/**
 * A JSX runtime that renders straight to HTML strings and escapes every string by default.
 * Only `Html` values (produced by this runtime or by `raw()` on sanitised input) pass unescaped.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component<P = any> = (props: P) => Html;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Marks already-safe markup (sanitised rich text, pre-rendered SVG). Never pass user input. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function renderChild(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (child instanceof Html) out.push(child.value);
  else if (Array.isArray(child)) for (const c of child) renderChild(c, out);
  else out.push(escapeHtml(String(child)));
}

function renderAttributes(props: Props): string {
  let attrs = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'dangerouslySetInnerHTML' || value === undefined || value === null || value === false) continue;
    const attr = name === 'className' ? 'class' : name === 'htmlFor' ? 'for' : name;
    if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(attr)) throw new Error(`invalid attribute name ${attr}`);
    attrs += value === true ? ` ${attr}` : ` ${attr}="${escapeHtml(String(value))}"`;
  }
  return attrs;
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') return type(props);
  const out: string[] = [`<${type}${renderAttributes(props)}>`];
  if (VOID.has(type)) return new Html(out[0]!);
  const inner = props.dangerouslySetInnerHTML as { __html: Html } | undefined;
  if (inner) {
    if (!(inner.__html instanceof Html)) throw new Error('dangerouslySetInnerHTML needs raw() markup');
    out.push(inner.__html.value);
  } else renderChild(props.children, out);
  out.push(`</${type}>`);
  return new Html(out.join(''));
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment(props: { children?: Child }): Html {
  const out: string[] = [];
  renderChild(props.children, out);
  return new Html(out.join(''));
}

export namespace JSX {
  export type Element = Html;
  export interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
  export interface ElementChildrenAttribute {
    children: {};
  }
}
