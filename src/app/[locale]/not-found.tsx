import { NotFoundPage } from '../_shell/not-found-page';

/** `notFound()` in a public page, and public URLs that match no page ([...rest]). */
export default NotFoundPage;
