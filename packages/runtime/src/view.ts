/** view: the entry point part 1 (attach, typedCache) binds areas with; see bind.ts. */
export { bindView, type BindOptions } from "./bind.js";
export type { Region } from "./region.js";
