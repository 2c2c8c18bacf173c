/** The visitor's handlers defined outside gen-transform.ts, registered once (writes, for...of, arrows). */
import { visitArrow } from "./gen-arrow.js";
import { visitForOf } from "./gen-for-of.js";
import { HANDLERS } from "./gen-transform.js";
import { visitAssignment, visitUpdate } from "./gen-update.js";

HANDLERS.AssignmentExpression = visitAssignment;
HANDLERS.UpdateExpression = visitUpdate;
HANDLERS.ForOfStatement = visitForOf;
HANDLERS.ArrowFunctionExpression = visitArrow;
