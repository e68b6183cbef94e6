import 'server-only';

/** The contact feature's server API: its action and its email, for pages and tests. */
export { sendContactRequest } from './actions';
export { ContactReceivedEmail, contactReceivedSubject } from '../emails/contact-received';
