import { NotFoundPage } from '../_shell/not-found-page';

/** `notFound()` in the signed-in app, auth, billing and dev pages. */
export default NotFoundPage;
