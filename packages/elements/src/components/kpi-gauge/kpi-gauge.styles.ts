import { css } from "lit";

export const gaugeStyles = css`
  .base {
    align-items: center;
    text-align: center;
  }
  svg {
    display: block;
    inline-size: 100%;
    max-inline-size: var(--kpi-gauge-size, 16rem);
    overflow: visible;
  }
  .track {
    fill: var(--_skeleton);
  }
  .fill {
    fill: var(--kpi-gauge-color, var(--_accent));
  }
  .band-good {
    fill: var(--_good);
  }
  .band-warning {
    fill: var(--_warning);
  }
  .band-critical {
    fill: var(--_bad);
  }
  .target-mark {
    stroke: currentColor;
    stroke-width: 3;
    stroke-linecap: round;
  }
  .value {
    font-size: 1.75rem;
    font-weight: 650;
    fill: currentColor;
    font-variant-numeric: tabular-nums;
  }
  .scale-label {
    font-size: 0.7rem;
    fill: var(--_muted);
  }
  .target-text {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .skeleton.dial {
    inline-size: min(100%, var(--kpi-gauge-size, 16rem));
    aspect-ratio: 2 / 1.3;
    border-radius: 50% 50% 8px 8px;
  }
`;
