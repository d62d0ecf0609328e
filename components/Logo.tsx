interface LogoProps {
  size?: number;
}

/** The SLA Lens mark (same drawing as the toolbar icon). Decorative: pair it with visible text. */
export function Logo({ size = 24 }: LogoProps) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#4338ca" />
      <circle cx="16" cy="16" r="9.5" fill="none" stroke="#fff" stroke-width="3" />
      <path d="M16 10.5V16l3.5 3.5" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
