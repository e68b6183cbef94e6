import { NotFoundPage } from '../_shell/not-found-page';

/** `notFound()` in a public page (a URL that matches no page gets src/app/global-not-found.tsx). */
export default NotFoundPage;
