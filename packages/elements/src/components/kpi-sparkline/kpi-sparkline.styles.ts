import { css } from "lit";

export const sparklineStyles = css`
  :host {
    display: inline-block;
    inline-size: var(--kpi-sparkline-width, 6rem);
    block-size: var(--kpi-sparkline-height, 1.5rem);
    vertical-align: middle;
    container-type: normal;
  }
  .base {
    position: relative;
    display: block;
    padding: 0;
    border: 0;
    background: none;
    inline-size: 100%;
    block-size: 100%;
  }
  .sparkline {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    color: var(--kpi-sparkline-color, var(--_accent));
    overflow: visible;
  }
  .stale .sparkline {
    opacity: 0.45;
  }
  .skeleton {
    inline-size: 100%;
    block-size: 100%;
  }
  .message {
    font-size: 0.75rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .error button,
  .error .label,
  .empty .label {
    display: none;
  }
`;
