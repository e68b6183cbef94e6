import { Avatar } from '@/ui/avatar';
import { cn } from '@/ui/cn';

/** An organization's logo, or its initials on a square tile (people get round avatars, organizations square ones). */
export function OrganizationLogo({
  name,
  logoUrl,
  size = 'sm',
  decorative = true,
  className,
}: {
  name: string;
  logoUrl: string | null;
  size?: 'sm' | 'md' | 'lg';
  /** Hidden from assistive technology when the name is written next to it (the usual case). */
  decorative?: boolean;
  className?: string;
}) {
  return (
    <Avatar name={name} src={logoUrl} size={size} decorative={decorative} className={cn('rounded-md', className)} />
  );
}
