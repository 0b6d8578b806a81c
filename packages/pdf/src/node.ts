export { loadDefaultFonts } from './fonts.node.js';
