// The look every widget shares: theme tokens (light and dark, overridable through --kpi-*; the
// previous period's colour is previous-styles.ts's, for the widgets that draw one),
// the frame, label and status colours, the skeleton, the error, empty and stale states, and the
// screen-reader-only utility. A widget is dropped into pages it does not know: the text properties
// a page sets on its content (text-align: center, letter-spacing, uppercase headings) are reset at
// the host, and the frame fills its grid cell, so that widgets side by side have one height.
import { css } from "lit";

export const themeStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color-scheme: var(--kpi-color-scheme, light dark);
    container-type: inline-size;
    min-inline-size: 0;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    line-height: normal;
    white-space: normal;
    font-style: normal;
    font-weight: normal;
    font-family: var(--kpi-font-family, system-ui, sans-serif);
    color: var(--kpi-color-text, light-dark(#1f2328, #e6edf3));
    --_surface: var(--kpi-color-surface, light-dark(#ffffff, #161b22));
    --_border: var(--kpi-color-border, light-dark(#d0d7de, #30363d));
    --_muted: var(--kpi-color-muted, light-dark(#57606a, #9da7b3));
    --_accent: var(--kpi-color-accent, light-dark(#0969da, #4493f8));
    --_good: var(--kpi-color-good, light-dark(#1a7f37, #3fb950));
    --_bad: var(--kpi-color-bad, light-dark(#cf222e, #f85149));
    --_warning: var(--kpi-color-warning, light-dark(#9a6700, #d29922));
    --_skeleton: var(--kpi-color-skeleton, light-dark(#eaeef2, #262c36));
    --_radius: var(--kpi-radius, 8px);
    --_gap: var(--kpi-gap, 0.5rem);
    --_padding: var(--kpi-padding, 1rem);
  }
  :host([theme="light"]) {
    color-scheme: light;
  }
  :host([theme="dark"]) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    position: relative;
    min-block-size: 100%;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_gap);
  }
  /* Two lines at most (the whole label is in its title), so that a long label in one card does
     not push its chart out of line with its neighbours'. */
  .label {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    font-size: 0.875rem;
    line-height: 1.25;
    font-weight: 600;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  /* The chart sits at the bottom of the frame, so that the charts of a row of widgets line up
     whatever wraps above them. */
  .sparkline,
  .chart {
    margin-block-start: auto;
  }
  .status-good,
  .tone-good {
    color: var(--_good);
  }
  .status-warning {
    color: var(--_warning);
  }
  .status-critical,
  .tone-bad {
    color: var(--_bad);
  }
  .tone-neutral {
    color: var(--_muted);
  }
  /* Positioned in the frame (.base), and to be put on a block: a table ignores a width smaller than
     its cells, so a hidden table goes inside a hidden div, which clips it. */
  .visually-hidden {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .skeleton {
    display: block;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: kpi-pulse 1.4s ease-in-out infinite;
  }
  @keyframes kpi-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .message {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* On the frame (.base), whose flex column it keeps. */
  .error {
    align-items: flex-start;
  }
  .error .message {
    color: var(--_bad);
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    padding: 0.25rem 0.75rem;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .stale {
    color: var(--_warning);
    font-size: 0.75rem;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
