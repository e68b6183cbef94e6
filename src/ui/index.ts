/*
 * Keel's design system: presentational components only (no data access, no
 * translations — every visible or announced text comes in through props).
 * Modules marked 'use client' are client components; the rest also render on
 * the server.
 */
export * from './alert';
export * from './alert-dialog';
export * from './avatar';
export * from './badge';
export * from './breadcrumb';
export * from './button';
export * from './card';
export * from './checkbox';
export * from './cn';
export * from './command';
export * from './confirm-dialog';
export * from './danger-zone';
export * from './data-table';
export * from './dialog';
export * from './dropdown-menu';
export * from './empty-state';
export * from './form';
export * from './initials';
export * from './input';
export * from './label';
export * from './native-select';
export * from './page-header';
export * from './popover';
export * from './radio-group';
export * from './select';
export * from './separator';
export * from './sheet';
export * from './skeleton';
export * from './spinner';
export * from './switch';
export * from './table';
export * from './tabs';
export * from './textarea';
export * from './toast';
export * from './tooltip';
