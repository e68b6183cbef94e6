/**
 * What an avatar upload may be. Shared by the form (to refuse a file before
 * sending it) and the server (which checks the bytes themselves).
 */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Accepted types, for the file chooser; the server trusts only the bytes. */
export const AVATAR_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';
