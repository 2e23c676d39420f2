// The Studio's pages render into the light DOM: one stylesheet (styles.css, loaded by the page, as a
// strict Content-Security-Policy allows) styles them all, and tests and axe read them directly.
import { LitElement } from "lit";

export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
