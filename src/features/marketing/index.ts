/** The marketing feature's public face (landing sections, pricing, FAQ, structured data). Guide: docs/marketing/. */
export { MARKETING_PATHS } from './pages';
