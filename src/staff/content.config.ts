// The staff build (srcDir src/staff) reads the same public collections as the site, for its call lists.
export { collections } from '../content.config';
