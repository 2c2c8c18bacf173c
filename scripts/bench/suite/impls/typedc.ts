/**
 * The typedc implementations of W1–W3:
 *   typedc-table            compiled code (typed-loops.ts), bounds checks on: paths from the bound table
 *   typedc-table-unchecked  the same compiled with `boundsChecks: false`
 *   typedc-codegen          no compiler: the runtime's generated view classes ({ strategy: "codegen" })
 *   typedc-dynamic-view     no compiler: the dynamic view `__typed` returns (table strategy)
 *   typedc-precompiled      compiled code with `precompile: ["x86_64-linux"]` (the area's format): the
 *                           versioned loops' copy with that layout's offsets and strides as literals
 */
import { bindView } from "@typedc/runtime";
import { NotAvailable, type BenchContext, type Impl, type ImplFactory } from "../impl.js";
import { compiledLoops, precompiledLoops, type CompiledLoops } from "../compiled.js";

function fromLoops(id: string, loops: CompiledLoops, ctx: BenchContext): Impl {
  const { recs, n, indices } = ctx;
  return {
    id,
    w1: () => loops.sumAB(recs, n),
    w2: () => loops.update(recs, n),
    w3: () => loops.sumBAt(recs, indices),
  };
}

/** typedcTable runs typed-loops.ts as the tsc front-end compiles it (bounds checks on). */
export const typedcTable: ImplFactory = {
  id: "typedc-table",
  make: (ctx) => fromLoops("typedc-table", compiledLoops(true), ctx),
};

/** typedcTableUnchecked runs typed-loops.ts compiled with `boundsChecks: false`. */
export const typedcTableUnchecked: ImplFactory = {
  id: "typedc-table-unchecked",
  make: (ctx) => fromLoops("typedc-table-unchecked", compiledLoops(false), ctx),
};

/** typedcPrecompiled runs typed-loops.ts compiled with a precompiled layout for the bench area's format (bounds checks on). */
export const typedcPrecompiled: ImplFactory = {
  id: "typedc-precompiled",
  make(ctx) {
    const loops = precompiledLoops();
    if (loops === undefined) throw new NotAvailable("needs the tsc transformer's output (typed-loops.ts compiled with precompile: [\"x86_64-linux\"])");
    return fromLoops("typedc-precompiled", loops, ctx);
  },
};

// viewLoops* are W1–W3 written against a view as plain JavaScript uses it without the compiler:
// iteration for the sequential loops, `get(i)` for random access (SPEC §3, docs/runtime.md).
// The two copies are identical on purpose: closures of one function literal share V8's type
// feedback, which would make the property accesses of both rows polymorphic.
function viewLoopsCodegen(id: string, view: any, ctx: BenchContext): Impl {
  const { indices } = ctx;
  return {
    id,
    w1() {
      let s = 0;
      for (const r of view) s += r.a + r.b;
      return s;
    },
    w2() {
      let i = 0;
      for (const r of view) {
        r.a += 1;
        r.d += 1n;
        r.e.set(2, i & 0xffff);
        i++;
      }
    },
    w3() {
      let s = 0;
      for (let k = 0; k < indices.length; k++) s += view.get(indices[k]!).b;
      return s;
    },
  };
}

function viewLoopsDynamic(id: string, view: any, ctx: BenchContext): Impl {
  const { indices } = ctx;
  return {
    id,
    w1() {
      let s = 0;
      for (const r of view) s += r.a + r.b;
      return s;
    },
    w2() {
      let i = 0;
      for (const r of view) {
        r.a += 1;
        r.d += 1n;
        r.e.set(2, i & 0xffff);
        i++;
      }
    },
    w3() {
      let s = 0;
      for (let k = 0; k < indices.length; k++) s += view.get(indices[k]!).b;
      return s;
    },
  };
}

// areaView binds Rec × n over the benchmark area with a strategy (the same bytes as ctx.recs).
function areaView(ctx: BenchContext, strategy: "table" | "codegen"): any {
  const region = { bytes: ctx.memory.bytes, byteOffset: ctx.areaByteOffset - ctx.memory.bytes.byteOffset, byteLength: ctx.n * ctx.layout.byteSize };
  return bindView(ctx.model.types["x86_64-linux"]!, region, { count: ctx.n, strategy, name: "recs" });
}

/** typedcCodegen uses the runtime's generated view classes (`new Function`, literal offsets for the bound format). */
export const typedcCodegen: ImplFactory = {
  id: "typedc-codegen",
  make: (ctx) => viewLoopsCodegen("typedc-codegen", areaView(ctx, "codegen"), ctx),
};

/** typedcDynamicView uses the view `__typed` returns, as plain JavaScript without the compiler would. */
export const typedcDynamicView: ImplFactory = {
  id: "typedc-dynamic-view",
  make: (ctx) => viewLoopsDynamic("typedc-dynamic-view", ctx.recs, ctx),
};
