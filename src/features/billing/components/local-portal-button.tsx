'use client';

import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import type { ButtonVariantProps } from '@/ui/button';
import {
  advanceLocalClock,
  changeLocalPlan,
  changeLocalSeats,
  setLocalCancelAtPeriodEnd,
  setLocalCard,
} from '../server/local-portal-actions';

const ACTIONS = {
  plan: changeLocalPlan,
  seats: changeLocalSeats,
  cancel: setLocalCancelAtPeriodEnd,
  card: setLocalCard,
  clock: advanceLocalClock,
} as const;

/**
 * One control of the local gateway's portal: a real form (works without JavaScript) that runs the
 * portal action, then shows the portal again with what the gateway now holds.
 */
export function LocalPortalButton({
  kind,
  session,
  fields = {},
  label,
  variant,
}: {
  kind: keyof typeof ACTIONS;
  session: string;
  fields?: Record<string, string>;
  label: ReactNode;
  variant?: ButtonVariantProps['variant'];
}) {
  const router = useRouter();
  // Each action is typed by its own input; the form posts plain fields, validated on the server.
  const action = ACTIONS[kind] as unknown as Parameters<typeof ActionButtonForm<unknown>>[0]['action'];
  return (
    <ActionButtonForm
      action={action}
      permalink={`/billing/local-portal/${session}`}
      fields={{ session, ...fields }}
      label={label}
      variant={variant}
      onSuccess={() => router.refresh()}
    />
  );
}
