/** A page with no crumbs of its own: the shell's "Organization › Section" says where it is. */
export default function NoPageCrumbs() {
  return null;
}
