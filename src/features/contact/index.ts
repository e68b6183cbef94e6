/** The contact feature's public face: what routes and other features may use. */
export { ContactForm } from './components/contact-form';
export { contactRequestSchema, type ContactRequestInput } from './schemas';
