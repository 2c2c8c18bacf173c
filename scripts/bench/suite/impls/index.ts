/** The implementations of W1–W3 in report order; the first is the limit. */
import type { ImplFactory } from "../impl.js";
import { limitDataView } from "./limit-dataview.js";
import { handwrittenTypedArrays } from "./handwritten-typedarrays.js";
import { handwrittenDataViewArg } from "./handwritten-dataview-arg.js";
import { typedcCodegen, typedcDynamicView, typedcPrecompiled, typedcTable, typedcTableUnchecked } from "./typedc.js";
import { plainObjects } from "./plain-objects.js";
import { structurae } from "./structurae.js";
import { bufferBackedObject } from "./buffer-backed-object.js";
import { typedStruct } from "./typed-struct.js";
import { restructure } from "./restructure.js";
import { koffiPeer } from "./koffi.js";

/** IMPLEMENTATIONS lists every W1–W3 implementation by id (ids as issue #7 names them). */
export const IMPLEMENTATIONS: readonly ImplFactory[] = [
  limitDataView,
  handwrittenTypedArrays,
  handwrittenDataViewArg,
  typedcTable,
  typedcTableUnchecked,
  typedcCodegen,
  typedcPrecompiled,
  typedcDynamicView,
  plainObjects,
  structurae,
  bufferBackedObject,
  typedStruct,
  restructure,
  koffiPeer,
];

/** PEER_IDS are the JS struct libraries (the "every peer ≥ 30× slower" goal). */
export const PEER_IDS: readonly string[] = ["structurae", "buffer-backed-object", "typed-struct", "restructure", "koffi"];
