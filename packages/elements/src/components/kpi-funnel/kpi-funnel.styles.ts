import { css } from "lit";

export const funnelStyles = css`
  .steps {
    display: grid;
    gap: 0.875rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .step-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_gap);
  }
  .step-label {
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .value {
    font-size: 1.125rem;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bars {
    display: grid;
    gap: 2px;
  }
  .bar,
  .previous-bar {
    display: block;
    min-inline-size: 2px;
    border-radius: 0 4px 4px 0;
    transition: inline-size 0.4s ease-out;
  }
  .bar {
    block-size: var(--kpi-funnel-bar-height, 1rem);
    background: var(--kpi-funnel-color, var(--_accent));
  }
  .previous-bar {
    block-size: calc(var(--kpi-funnel-bar-height, 1rem) / 3);
    background: var(--_previous);
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .skeleton.title {
    inline-size: 40%;
    block-size: 0.875rem;
  }
  .skeleton.step {
    block-size: 2.5rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar,
    .previous-bar {
      transition: none;
    }
  }
`;
