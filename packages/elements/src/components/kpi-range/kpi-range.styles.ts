import { css } from "lit";

export const rangeStyles = css`
  /* A container of its own width (the theme's container-type) has no width from its content: in a
     page's flex row it would shrink to nothing, so it asks for a share of the row. */
  :host {
    flex: 1 1 22rem;
    min-inline-size: min(100%, 16rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_gap);
  }
  /* A control's height below its label's, while the picker's words load. */
  .waiting {
    inline-size: 9rem;
    block-size: 2.25rem;
    margin-block-start: 1.35rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select,
  .dates {
    font: inherit;
    font-size: 0.875rem;
    min-block-size: 2.25rem;
    max-inline-size: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: inherit;
  }
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .dates {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .icon {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.25;
  }
`;
