/**
 * The bare Next.js app `npm run bench:http` measures Keel against: the same Next.js and React (the repo's
 * node_modules), nothing else. Its pages do what any signed-in page must at least do: render per request,
 * read a cookie, offer a form posting to a server action.
 */
const nextConfig = { poweredByHeader: false, reactStrictMode: true };

export default nextConfig;
