/**
 * The typedc implementations of W1–W3:
 *   typedc-table            compiled code (typed-loops.ts), bounds checks on: paths from the bound table
 *   typedc-table-unchecked  the same compiled with `boundsChecks: false`
 *   typedc-codegen          no compiler: the runtime's generated view classes ({ strategy: "codegen" })
 *   typedc-dynamic-view     no compiler: the dynamic view `__typed` returns (table strategy)
 *   typedc-precompiled      only if the transformer offers precompiled (format-specialised) output
 */
import { bindView } from "@typedc/runtime";
import { NotAvailable, type BenchContext, type Impl, type ImplFactory } from "../impl.js";
import { compiledLoops, type CompiledLoops } from "../compiled.js";

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

/** typedcPrecompiled would run format-specialised compiled output; the transformer emits one format-independent text. */
export const typedcPrecompiled: ImplFactory = {
  id: "typedc-precompiled",
  make() {
    throw new NotAvailable("the tsc transformer emits one format-independent text (offsets from the bound table) and offers no precompiled, format-specialised variant");
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
