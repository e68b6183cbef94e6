'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { Input, type InputProps } from '@/ui/input';

/**
 * A password field with a show/hide toggle, so people can check what they
 * typed (on a phone especially). Every prop goes to the `<input>`, which makes
 * it work inside `<FormControl>` like a plain Input.
 */
export function PasswordInput({
  toggleLabel,
  className,
  ...props
}: Omit<InputProps, 'type'> & { toggleLabel: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <Input
        {...props}
        type={visible ? 'text' : 'password'}
        spellCheck={false}
        autoCapitalize="none"
        className={cn('pr-11', className)}
      />
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="absolute top-0 right-0 text-muted-foreground hover:bg-transparent"
        aria-label={toggleLabel}
        aria-pressed={visible}
        onClick={() => setVisible((shown) => !shown)}
      >
        {visible ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
      </Button>
    </div>
  );
}
