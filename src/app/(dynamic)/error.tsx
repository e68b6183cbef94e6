'use client';

import { ErrorPage } from '../_shell/error-page';

export default ErrorPage;
