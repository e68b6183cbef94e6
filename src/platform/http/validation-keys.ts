/** The key under which errors about the input as a whole (not one field) are reported. */
export const FORM_ERROR_KEY = '_form';
