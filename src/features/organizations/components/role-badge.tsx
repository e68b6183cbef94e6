import 'server-only';
import { Badge } from '@/ui/badge';
import { rankOf } from '../roles';

const VARIANTS = ['default', 'secondary'] as const;

/** A member's or invitation's role: the owner role stands out, lower roles are quieter. */
export function RoleBadge({ role, label }: { role: string; label: string }) {
  return (
    <Badge variant={VARIANTS[rankOf(role)] ?? 'outline'} data-role={role}>
      {label}
    </Badge>
  );
}
