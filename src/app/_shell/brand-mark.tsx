/**
 * The brand mark: a keel under a sail, on a rounded square. Drawn once and
 * used by the logo (colours from CSS tokens) and by the generated icons and
 * social image (explicit colours, since they are images).
 */
export function BrandMark({
  size,
  background,
  foreground,
  className,
}: {
  size?: number;
  background?: string;
  foreground?: string;
  className?: string;
}) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden className={className}>
      <rect width="32" height="32" rx="8" fill={background ?? 'var(--primary)'} />
      <path d="M7 18h18l-4 6H11z" fill={foreground ?? 'var(--primary-foreground)'} />
      <path
        d="M16 6v11M16 6l6 9h-6"
        fill="none"
        stroke={foreground ?? 'var(--primary-foreground)'}
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
