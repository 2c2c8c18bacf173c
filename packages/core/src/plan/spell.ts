/** Spelling of C types for access plans: the IR's speller (ir/spell.ts), re-exported where plan users look for it. */
export { printCType } from "../ir/spell.js";
