import { compareTables, encodeTable, formatMessage, hashTable } from "@typedc/core";
import type { TypeTable } from "@typedc/core";
import type { PublishedEntry } from "./directory.js";
import { EntryKind, EntryState } from "./directory-format.js";
import { publishedTable } from "./directory-table.js";
import { TypedError, TypedFormatError } from "./errors.js";
import { TypedMemory } from "./memory.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";
import { resolveFormat, type FormatChoice, type ResolvedFormat, type TypeSetInput } from "./policy.js";
import type { Steps } from "./wait.js";

/** CreateMode says whether a call creates, attaches, or either (SPEC §3). */
export type CreateMode = "if-absent" | "always" | "never";

/** OpenOptions are the options __typed and typedCache share. */
export interface OpenOptions {
  readonly memory: TypedMemory;
  /**
   * The type set of T (one table per format; see TypeSetInput). Optional in the
   * signature because the typedc compilers fill it in from the binding's
   * `__typed<T>` annotation; plain JavaScript passes it (from `loadTypes`), and a
   * call that reaches the runtime without one throws a TypedFormatError.
   */
  readonly type?: TypeSetInput;
  /** The creator's format, and the attacher's own format to check compatibility against. Default "host". */
  readonly format?: FormatChoice;
  /** Default "if-absent". */
  readonly create?: CreateMode;
  /** How long (ms) to wait for the name to be published by another agent. Default 0 for "never". */
  readonly wait?: number;
}

/** AreaSpec tells openSteps how to lay out and initialise a new area of a kind. */
export interface AreaSpec {
  readonly kind: EntryKind;
  /** Count stored in the entry (area: element count; cache: capacity). */
  readonly count: number;
  readonly byteLength: (table: TypeTable) => number;
  readonly byteAlign: (table: TypeTable) => number;
  /** Writes the initial content of a fresh (zeroed) area before it is published. */
  readonly initialise?: (areaByteOffset: number, table: TypeTable) => void;
}

/** Opened is a published area and the table to bind it with. */
export interface Opened {
  readonly entry: PublishedEntry;
  /** The published table: what the binding uses (morphing when it differs from the attacher's). */
  readonly table: TypeTable;
  /** This call created the area. */
  readonly created: boolean;
}

/** PUBLISH_WAIT_MS bounds how long a losing creator waits for the winner to publish (it only allocates and copies a table). */
const PUBLISH_WAIT_MS = 5000;
const KIND_NAMES: Readonly<Record<EntryKind, string>> = { [EntryKind.area]: "typed area", [EntryKind.cache]: "typed cache" };

/**
 * openSteps creates or attaches `name` (SPEC §3): a creator claims the directory
 * slot (exactly one of racing creators wins), allocates and initialises the area, and
 * publishes the table of its chosen format; an attacher waits until the name is
 * published, verifies it (TypedIntegrityError), and checks the published table against
 * its own (identical or compatible: bind the published one; incompatible: TypedFormatError).
 */
export function* openSteps(name: string, options: OpenOptions, spec: AreaSpec, wrapMine: (mine: TypeTable, published?: TypeTable) => TypeTable): Steps<Opened> {
  checkOptions(options);
  const directory = options.memory.directory;
  const mode = options.create ?? "if-absent";
  const waitMs = options.wait ?? 0;
  const deadline = Date.now() + waitMs;
  // A creator needs its format now; a pure attacher only once it sees the published one.
  const mine = mode === "never" ? undefined : resolveFormat(options.format, options.type);
  const cannotBlock = () => memoryError(TypedError, M.Cannot_block_waiting_for_0_here_Atomics_wait_is_not_allowed_use_typed_async, [name]);
  const timedOut = (ms: number) => memoryError(TypedError, M.Timed_out_after_0_ms_waiting_for_1, [ms, name]);
  for (;;) {
    // Read the publish counter before looking, so a publish between the look and the sleep wakes us.
    const generation = Atomics.load(directory.views.int32, directory.generationIndex());
    const found = mode === "never" ? directory.find(name) : directory.claim(name);
    if (!found) {
      if (Date.now() >= deadline) throw waitMs > 0 ? timedOut(waitMs) : memoryError(TypedError, M._0_does_not_exist_in_this_memory_create_never, [name]);
      yield { int32: directory.views.int32, index: directory.generationIndex(), expected: generation, timeoutMs: deadline - Date.now(), cannotBlock };
      continue;
    }
    if (found.claimed) return create(name, options, spec, found.index, wrapMine(mine!.table), mine!.formatId);
    if (mode === "always") throw memoryError(TypedError, M._0_already_exists_in_this_memory_create_always, [name]);
    const state = directory.state(found.index);
    if (state === EntryState.failed) throw memoryError(TypedError, M.The_creator_of_0_failed_before_publishing_it, [name]);
    if (state !== EntryState.published) {
      // Reserved: its creator is allocating. A losing creator waits at least PUBLISH_WAIT_MS.
      const limit = mode === "never" ? deadline : Math.max(deadline, Date.now() + PUBLISH_WAIT_MS);
      if (Date.now() >= limit) throw timedOut(Math.max(waitMs, mode === "never" ? 0 : PUBLISH_WAIT_MS));
      yield { int32: directory.views.int32, index: directory.stateIndex(found.index), expected: state, timeoutMs: limit - Date.now(), cannotBlock };
      continue;
    }
    return attach(name, options, spec, found.index, mine, wrapMine);
  }
}

// create allocates, initialises and publishes a claimed entry; on failure the entry is
// marked failed (so waiters stop waiting) and the error propagates.
function create(name: string, options: OpenOptions, spec: AreaSpec, index: number, table: TypeTable, formatId: string): Opened {
  const directory = options.memory.directory;
  try {
    const tableBytes = encodeTable(table);
    const areaByteLength = spec.byteLength(table);
    const areaByteOffset = directory.allocateArea(name, areaByteLength, spec.byteAlign(table));
    spec.initialise?.(areaByteOffset, table);
    directory.publish(index, name, { kind: spec.kind, areaByteOffset, areaByteLength, count: spec.count, formatId }, tableBytes);
    return { entry: directory.read(index), table, created: true };
  } catch (error) {
    directory.fail(index);
    throw error;
  }
}

// attach verifies a published entry and negotiates the format.
function attach(name: string, options: CheckedOptions, spec: AreaSpec, index: number, resolved: ResolvedFormat | undefined, wrapMine: (mine: TypeTable, published?: TypeTable) => TypeTable): Opened {
  const entry = options.memory.directory.read(index);
  if (entry.kind !== spec.kind) throw memoryError(TypedError, M._0_is_a_1_not_a_2, [name, KIND_NAMES[entry.kind], KIND_NAMES[spec.kind]]);
  const published = publishedTable(entry);
  const mine = wrapMine((resolved ?? attacherFormat(options, entry.formatId)).table, published);
  const { verdict, differences } = compareTables(published, mine);
  if (verdict === "incompatible") {
    const message = M.The_published_format_of_0_1_is_incompatible_with_this_declaration_2;
    throw new TypedFormatError(message.code, formatMessage(message.message, [name, entry.formatId, mine.format]), differences);
  }
  return { entry, table: published, created: false };
}


// attacherFormat is the attacher's own format; when its type set has no table for it
// (a set built for fewer formats), the published format's table, if the set has it.
function attacherFormat(options: CheckedOptions, publishedFormatId: string): ResolvedFormat {
  try {
    return resolveFormat(options.format, options.type);
  } catch (error) {
    const fallback = (options.type as Record<string, TypeTable | undefined>)[publishedFormatId];
    if (error instanceof TypedFormatError && error.code === M.The_type_set_has_no_table_for_format_0.code && fallback) {
      return { formatId: publishedFormatId, table: fallback };
    }
    throw error;
  }
}

// checkOptions rejects options a plain-JavaScript caller may get wrong (the compiler never does).
/** CheckedOptions are OpenOptions that checkOptions has accepted (a type set is present). */
type CheckedOptions = OpenOptions & { readonly type: TypeSetInput };

function checkOptions(options: OpenOptions): asserts options is CheckedOptions {
  const bad = (option: string, expected: string, got: unknown) =>
    memoryError(TypedError, M.Option_0_must_be_1_got_2, [option, expected, typeof got === "object" ? String(got && got.constructor?.name) : String(got)]);
  if (!(options?.memory instanceof TypedMemory)) throw bad("memory", "a TypedMemory", options?.memory);
  if (typeof options.type !== "object" || options.type === null) throw bad("type", "a type set ({ [abi]: TypeTable }: compile with typedc, or pass one from loadTypes)", options.type);
  const mode = options.create ?? "if-absent";
  if (mode !== "if-absent" && mode !== "always" && mode !== "never") throw bad("create", '"if-absent", "always" or "never"', mode);
  const wait = options.wait ?? 0;
  if (typeof wait !== "number" || !(wait >= 0)) throw bad("wait", "a number of milliseconds >= 0", wait);
}

/** arrayTableOf returns `table` with its root wrapped in `array<root, count>` (and the hash recomputed). */
export function arrayTableOf(table: TypeTable, count: number): TypeTable {
  const root = table.types[table.root]!;
  const array = {
    tag: "array_type" as const,
    name: `array<${root.name}, ${count}>`,
    byteSize: root.byteSize * count,
    alignment: root.alignment,
    element: table.root,
    count,
    stride: root.byteSize,
  };
  const wrapped = { ...table, types: [...table.types, array], root: table.types.length, hash: "" };
  return { ...wrapped, hash: hashTable(wrapped) };
}
