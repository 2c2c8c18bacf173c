/**
 * The veil: typedc's own code hidden from the rest of the Babel pass (docs/babel.md, "What later
 * plugins see").
 *
 * The rewrite runs in the plugin's Program.enter and installs about five nodes for every node of
 * the source (inline checks, typed-array and DataView copies of each versioned loop). Babel then
 * walks every one of them with every plugin of the pass and crawls their scopes. Most of that code
 * is typedc's alone: it names only typedc's own variables, and no later plugin has anything to do
 * in it. So before the pass goes on, each maximal such subtree is replaced by a placeholder (an
 * identifier; `let placeholder;` for a declaration of typedc's variables), and Program.exit (typedc's
 * runs before any other plugin's) puts the subtrees back. On the 200-file benchmark tree this
 * halves the nodes Babel walks after the rewrite and cuts the build's CPU time by a fifth or more.
 *
 * What stays visible: every node that names something of the source (any identifier whose name
 * occurs in the file, so a later plugin's renames and module rewrites reach every copy), every node
 * the parser made, `this`, `super`, functions, classes, JSX, templates, and declarations that
 * declare a name of the source. What is hidden is final JavaScript that needs no lowering on any
 * engine @typedc/runtime runs on (ES2022).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { RUNTIME_ID } from "./gen-file-state.js";

/** PLACEHOLDER_PREFIX names the placeholders (`__typedc` names are reserved for typedc). */
const PLACEHOLDER_PREFIX = `${RUNTIME_ID}$veil$`;

/** Babel's child keys by node type (read once: @babel/types exports it through a getter). */
const VISITOR_KEYS = t.VISITOR_KEYS;

/** LEAF_TYPES are the literals (no children): typedc's own unless the parser made them. */
const LEAF_TYPES: ReadonlySet<string> = new Set(["NumericLiteral", "StringLiteral", "BooleanLiteral", "NullLiteral", "BigIntLiteral"]);

/** A subtree is hidden only from this many nodes on: a placeholder is one node. */
const MIN_HIDDEN_SIZE = 3;

/**
 * PURE_TYPES are the node types a hidden subtree may consist of: expressions of names and literals,
 * and declarations of typedc's variables (a whole `let _w$1, _v$2;` stands as `let placeholder;`).
 */
const PURE_TYPES: ReadonlySet<string> = new Set([
  "VariableDeclaration", "VariableDeclarator",
  "Identifier", "NumericLiteral", "StringLiteral", "BooleanLiteral", "NullLiteral", "BigIntLiteral",
  "MemberExpression", "CallExpression", "NewExpression", "BinaryExpression", "LogicalExpression", "UnaryExpression",
  "ConditionalExpression", "AssignmentExpression", "SequenceExpression", "UpdateExpression", "ArrayExpression", "ParenthesizedExpression",
]);

/**
 * EXPRESSION_SLOTS are the child keys, by parent type, that hold any expression (a placeholder
 * identifier may stand there); not assignment targets, declared names or non-computed keys.
 */
const EXPRESSION_SLOTS: Readonly<Record<string, readonly string[]>> = {
  VariableDeclarator: ["init"],
  ExpressionStatement: ["expression"],
  SequenceExpression: ["expressions"],
  AssignmentExpression: ["right"],
  BinaryExpression: ["left", "right"],
  LogicalExpression: ["left", "right"],
  ConditionalExpression: ["test", "consequent", "alternate"],
  CallExpression: ["callee", "arguments"],
  NewExpression: ["callee", "arguments"],
  OptionalCallExpression: ["callee", "arguments"],
  MemberExpression: ["object", "property"],
  OptionalMemberExpression: ["object", "property"],
  UnaryExpression: ["argument"],
  SpreadElement: ["argument"],
  AwaitExpression: ["argument"],
  ReturnStatement: ["argument"],
  ThrowStatement: ["argument"],
  IfStatement: ["test"],
  WhileStatement: ["test"],
  DoWhileStatement: ["test"],
  ForStatement: ["init", "test", "update"],
  SwitchStatement: ["discriminant"],
  SwitchCase: ["test"],
  ArrayExpression: ["elements"],
  ObjectProperty: ["value"],
  TemplateLiteral: ["expressions"],
  ParenthesizedExpression: ["expression"],
};

/** STATEMENT_LISTS are the child keys, by parent type, that hold statements (where a declaration may be hidden). */
const STATEMENT_LISTS: Readonly<Record<string, string>> = { Program: "body", BlockStatement: "body", StaticBlock: "body", SwitchCase: "consequent" };

/** acceptsPlaceholder tells whether a parent's child key may hold a placeholder for a child (an expression; a declaration in a statement list). */
function acceptsPlaceholder(parent: t.Node, key: string, child: t.Node): boolean {
  if (child.type === "VariableDeclaration") return STATEMENT_LISTS[parent.type] === key;
  return acceptsExpression(parent, key);
}

/** acceptsExpression tells whether a parent's child key may hold an expression placeholder. */
function acceptsExpression(parent: t.Node, key: string): boolean {
  if (parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") return key === "object" || parent.computed;
  if (parent.type === "UnaryExpression" && parent.operator === "delete") return false;
  return EXPRESSION_SLOTS[parent.type]?.includes(key) ?? false;
}

/** Veiled is what a veiled body keeps to put back: each placeholder's name with its subtree, and typedc's declared names (hidden code refers to them by name). */
export interface Veiled {
  readonly hidden: ReadonlyMap<string, t.Expression | t.VariableDeclaration>;
  readonly declared: ReadonlyMap<t.Identifier, string>;
}

/** sourceNames are the identifier names a file's source uses anywhere (a typedc name never occurs there). */
export function sourceNames(program: t.Program): Set<string> {
  const names = new Set<string>([RUNTIME_ID]);
  t.traverseFast(program, (node) => {
    if (node.type === "Identifier" || node.type === "JSXIdentifier") names.add(node.name);
  });
  return names;
}

/** isLabel tells whether a parent's child key holds a name that is not a reference (`o.name`, `{ name: v }`). */
function isLabel(parent: t.Node, key: string): boolean {
  return ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && key === "property" && !parent.computed) ||
    (parent.type === "ObjectProperty" && key === "key" && !parent.computed);
}

/**
 * veil replaces, in the rewritten body, each maximal subtree of typedc's own code in an expression
 * position by a placeholder; returns the placeholders with their subtrees (empty: nothing hidden).
 * `visible` are the names that stay in view (sourceNames of the file). A node the parser made (it
 * has a source position: the source's own, or a copy the rewrite spread from one) stays in view.
 */
export function veil(body: t.Statement[], visible: ReadonlySet<string>): Veiled {
  const hidden = new Map<string, t.Expression | t.VariableDeclaration>();
  const declared = new Map<t.Identifier, string>(); // a pure subtree in a slot no placeholder takes is measured twice
  /**
   * placeholder hides a subtree and returns what stands in its place: an identifier for an
   * expression, a declaration of the placeholder alone for a declaration (`let placeholder;`: later
   * plugins still see a declaration there).
   */
  const placeholder = (subtree: t.Node): t.Identifier | t.VariableDeclaration => {
    const name = `${PLACEHOLDER_PREFIX}${hidden.size}`;
    hidden.set(name, subtree as t.Expression | t.VariableDeclaration);
    const id = { type: "Identifier", name } as t.Identifier;
    if (subtree.type !== "VariableDeclaration") return id;
    // `let` whatever the kind: a `const` without a value is not a declaration Babel could print.
    return { type: "VariableDeclaration", kind: "let", declarations: [{ type: "VariableDeclarator", id, init: null }] } as t.VariableDeclaration;
  };
  /** pureSize is the size of a node's subtree when it is typedc's alone (0 when not), once the impure parts inside are veiled (`label`: a property name, not a reference). */
  const pureSize = (node: t.Node, label: boolean): number => {
    const type = node.type;
    if (type === "Identifier") return label || !visible.has(node.name) ? 1 : 0;
    if (LEAF_TYPES.has(type)) return node.start == null ? 1 : 0;
    if (type === "VariableDeclarator" && node.id.type === "Identifier" && !visible.has(node.id.name)) declared.set(node.id, node.id.name);
    let pure = PURE_TYPES.has(type) && node.start == null;
    let size = 1;
    let hideable = false; // a child worth hiding, should this node be impure
    const n = node as unknown as Record<string, unknown>;
    const keys = VISITOR_KEYS[type] ?? [];
    // Sizes of the children in visiting order (when the node turns out impure, its pure children are hidden).
    const sizes: number[] = [];
    for (const key of keys) {
      const value = n[key];
      if (Array.isArray(value)) {
        for (const child of value as (t.Node | null)[]) {
          const s = child == null ? -1 : pureSize(child, false);
          sizes.push(s);
          if (s === 0) pure = false;
          else if (s > 0) size += s;
          if (s >= MIN_HIDDEN_SIZE) hideable = true;
        }
      } else if (isNode(value)) {
        const s = pureSize(value, isLabel(node, key));
        sizes.push(s);
        if (s === 0) pure = false;
        else size += s;
        if (s >= MIN_HIDDEN_SIZE) hideable = true;
      } else sizes.push(-1);
    }
    if (pure) return size;
    if (hideable) hideChildren(node, sizes);
    return 0;
  };
  /**
   * hideChildren puts placeholders for the children worth hiding that their slot takes (`sizes`:
   * the children's pure sizes in visiting order, measured when not given); a pure child its slot
   * does not take (a declarator, an assignment's target) is looked into.
   */
  const hideChildren = (node: t.Node, sizes?: readonly number[]): void => {
    const n = node as unknown as Record<string, unknown>;
    let k = 0;
    const hideOne = (key: string, child: t.Node): t.Node => {
      const size = sizes !== undefined ? sizes[k]! : pureSize(child, isLabel(node, key));
      k++;
      if (size < MIN_HIDDEN_SIZE) return child;
      if (acceptsPlaceholder(node, key, child)) return placeholder(child);
      hideChildren(child);
      return child;
    };
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const value = n[key];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] != null) value[i] = hideOne(key, value[i]);
          else k++;
        }
      } else if (isNode(value)) n[key] = hideOne(key, value);
      else k++;
    }
  };
  hideChildren({ type: "BlockStatement", body, directives: [] } as t.BlockStatement);
  return { hidden, declared };
}

/**
 * unveil puts the hidden subtrees back wherever their placeholders are now (later plugins may have
 * moved them, or copied them: a copy gets a copy of the subtree). A placeholder that a later plugin
 * removed with the code around it is simply gone. A later plugin that renamed one of typedc's
 * variables (hidden code still uses the old name) is an error that says so.
 */
export function unveil(program: t.Program, { hidden, declared }: Veiled): void {
  for (const [id, name] of declared) {
    if (id.name !== name) {
      throw new Error(`typedc: a Babel plugin after typedc renamed typedc's variable '${name}' to '${id.name}'. typedc's output is ES2022 code (as @typedc/runtime is) and needs no block-scoping transform: target engines with let/const (preset-env targets such as "node 20" or "defaults").`);
    }
  }
  const used = new Set<string>();
  const restore = (child: t.Node): t.Node => {
    // A hidden expression stands as its placeholder; a hidden declaration as `let placeholder;`.
    const id = child.type === "VariableDeclaration" && child.declarations.length === 1 && child.declarations[0]!.init == null ? child.declarations[0]!.id : child;
    const subtree = id.type === "Identifier" ? hidden.get(id.name) : undefined;
    if (subtree === undefined || (id !== child) !== (subtree.type === "VariableDeclaration")) {
      visit(child);
      return child;
    }
    const name = (id as t.Identifier).name;
    const again = used.has(name);
    used.add(name);
    return again ? t.cloneNode(subtree, true) : subtree;
  };
  const visit = (node: t.Node): void => {
    const n = node as unknown as Record<string, unknown>;
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const value = n[key];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (value[i] != null) value[i] = restore(value[i]);
      } else if (isNode(value)) n[key] = restore(value);
    }
  };
  visit(program);
}

function isNode(value: unknown): value is t.Node {
  return value != null && typeof value === "object" && typeof (value as t.Node).type === "string";
}
